import {
  type Channel,
  DEFAULT_MATCH_THRESHOLD,
  defaultComponentWeights,
  type ExpiryRule,
  fail,
  isSeatChannel,
  newId,
  ok,
  type Policy,
  type Product,
  phoneFeatureListProblem,
  policyDefaults,
  type Result,
  seatDefaults,
  weightsProblem,
} from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";

/**
 * Create a product with its first signing key, and its number and key pair for offline activation; with a
 * phone feature list when given (at most 20 names, none twice).
 */
export async function createProduct(
  deps: ServerDeps,
  input: { readonly name: string; readonly phoneFeatures?: readonly string[] | undefined },
): Promise<Result<Product>> {
  const { phoneFeatures } = input;
  const problem = phoneFeatures && phoneFeatureListProblem([], phoneFeatures);
  if (problem) return fail("PHONE_FEATURES_INVALID", { problem, current: "-" });
  const product: Product = {
    id: newId("product"),
    name: input.name,
    createdAt: deps.clock().toISOString(),
    ...(phoneFeatures && phoneFeatures.length > 0 ? { phoneFeatures: [...phoneFeatures] } : {}),
  };
  await deps.store.transaction(async (tx) => {
    await tx.products.insert(product);
    await deps.keyring.createKey(product.id, product.createdAt, tx);
    await deps.offline.keys.ensure(product.id, product.createdAt, tx);
  });
  return ok(product);
}

/** A policy as an admin writes it: only product, name and channel are required, the rest has defaults. */
export interface PolicyInput {
  readonly productId: string;
  readonly name: string;
  readonly channel: Channel;
  readonly maxDevices?: number | undefined;
  readonly leaseSeconds?: number | undefined;
  readonly graceSeconds?: number | undefined;
  readonly expiry?: ExpiryRule | undefined;
  readonly matchThreshold?: number | undefined;
  readonly componentWeights?: Readonly<Record<string, number>> | undefined;
  readonly transferable?: boolean | undefined;
  readonly transfersPerYear?: number | undefined;
  readonly transferCooldownSeconds?: number | undefined;
  readonly entitlements?: string[] | undefined;
  readonly basePolicyId?: string | undefined;
  readonly seats?: number | undefined;
  readonly heartbeatTimeoutSeconds?: number | undefined;
  readonly overage?: { readonly percent: number; readonly hours: number } | undefined;
  readonly borrowMaxDays?: number | undefined;
  readonly bundleComponent?: string | undefined;
  readonly graceAfterPaymentFailureDays?: number | undefined;
}

/**
 * OEM licenses are bound to their first machine's board and bundle licenses to the part they were sold with:
 * neither moves by transfer unless asked. Everything else starts from the retail defaults.
 */
export async function createPolicy(deps: ServerDeps, input: PolicyInput): Promise<Result<Policy>> {
  const product = await deps.store.products.findById(input.productId);
  if (!product) return fail("PRODUCT_NOT_FOUND", { productId: input.productId });
  if (product.archivedAt !== undefined) return fail("PRODUCT_ARCHIVED", { productId: product.id });
  if (input.componentWeights !== undefined) {
    const problem = weightsProblem(input.componentWeights, input.channel);
    if (problem) return { ok: false, error: problem };
  }
  if (input.basePolicyId !== undefined && !(await deps.store.policies.findById(input.basePolicyId))) {
    return fail("POLICY_NOT_FOUND", { policyId: input.basePolicyId });
  }
  const seatRules = seatRulesOf(input);
  if (!seatRules.ok) return seatRules;
  const channelRules = channelRulesOf(input);
  if (!channelRules.ok) return channelRules;
  const oem = input.channel === "oem" || input.channel === "bundle";
  const policy: Policy = {
    id: newId("policy"),
    productId: input.productId,
    name: input.name,
    channel: input.channel,
    maxDevices: input.maxDevices ?? policyDefaults.maxDevices,
    leaseSeconds: input.leaseSeconds ?? policyDefaults.leaseSeconds,
    graceSeconds: input.graceSeconds ?? policyDefaults.graceSeconds,
    expiry: input.expiry ?? { kind: "none" },
    matchThreshold: input.matchThreshold ?? DEFAULT_MATCH_THRESHOLD,
    componentWeights: input.componentWeights ?? defaultComponentWeights,
    transferable: input.transferable ?? !oem,
    transfersPerYear: input.transfersPerYear ?? (oem ? 0 : policyDefaults.transfersPerYear),
    ...(input.transferCooldownSeconds ? { transferCooldownSeconds: input.transferCooldownSeconds } : {}),
    entitlements: input.entitlements ?? [],
    ...(input.basePolicyId === undefined ? {} : { basePolicyId: input.basePolicyId }),
    ...seatRules.value,
    ...channelRules.value,
    createdAt: deps.clock().toISOString(),
  };
  await deps.store.policies.insert(policy);
  return ok(policy);
}

/**
 * The seat fields a policy keeps: a seat channel needs its pool size (the timeout has a default), borrowing is
 * for floating seats only, and a device channel takes none of them (they would silently do nothing).
 */
function seatRulesOf(input: PolicyInput): Result<Partial<Policy>> {
  const named = (["seats", "heartbeatTimeoutSeconds", "overage", "borrowMaxDays"] as const).filter(
    (field) => input[field] !== undefined,
  );
  if (!isSeatChannel(input.channel)) {
    if (named.length === 0) return ok({});
    const issues = `${named.join(", ")}: only for floating and workload policies`;
    return fail("VALIDATION_FAILED", { issues });
  }
  if (input.seats === undefined)
    return fail("VALIDATION_FAILED", { issues: `seats: required for a ${input.channel} policy` });
  if (input.borrowMaxDays !== undefined && input.channel !== "floating")
    return fail("VALIDATION_FAILED", { issues: "borrowMaxDays: only for floating policies" });
  const timeout =
    input.heartbeatTimeoutSeconds ??
    (input.channel === "workload"
      ? seatDefaults.workloadTimeoutSeconds
      : seatDefaults.floatingTimeoutSeconds);
  return ok({
    seats: input.seats,
    heartbeatTimeoutSeconds: timeout,
    ...(input.overage === undefined ? {} : { overage: { ...input.overage } }),
    ...(input.borrowMaxDays === undefined ? {} : { borrowMaxDays: input.borrowMaxDays }),
  });
}

/** The channel fields a policy keeps: a bundle names its component; each field only on its own channel. */
function channelRulesOf(input: PolicyInput): Result<Partial<Policy>> {
  if (input.channel === "bundle" && input.bundleComponent === undefined)
    return fail("VALIDATION_FAILED", { issues: "bundleComponent: required for a bundle policy" });
  if (input.channel !== "bundle" && input.bundleComponent !== undefined)
    return fail("VALIDATION_FAILED", { issues: "bundleComponent: only for bundle policies" });
  const grace = input.graceAfterPaymentFailureDays;
  if (input.channel !== "subscription" && grace !== undefined)
    return fail("VALIDATION_FAILED", {
      issues: "graceAfterPaymentFailureDays: only for subscription policies",
    });
  return ok({
    ...(input.bundleComponent === undefined ? {} : { bundleComponent: input.bundleComponent }),
    ...(grace === undefined ? {} : { graceAfterPaymentFailureDays: grace }),
  });
}
