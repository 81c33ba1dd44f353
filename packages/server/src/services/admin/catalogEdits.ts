import {
  fail,
  ok,
  type Policy,
  type Product,
  phoneFeatureListProblem,
  type Result,
  weightsProblem,
} from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import { changedFields, recordAudit } from "./audit.js";

/** Who asks for a change and why: both go into the audit log. */
export interface Change {
  readonly actor: string;
  readonly reason: string;
}

/** The policy fields an admin may edit (channel and product are what the policy is: a change is a new policy). */
export type PolicyEdit = {
  readonly [F in keyof Pick<
    Policy,
    | "name"
    | "maxDevices"
    | "leaseSeconds"
    | "graceSeconds"
    | "matchThreshold"
    | "componentWeights"
    | "transferable"
    | "transfersPerYear"
    | "transferCooldownSeconds"
    | "entitlements"
  >]?: Policy[F] | undefined;
};

/**
 * Edit a policy. The edit reaches every license of the policy from its next lease on (decisions read the policy
 * per request; this process forgets its cached copy now, the others within `SHARED_POLICY_MAX_AGE_MS`); the
 * audit entry (target: the policy) is what each license's timeline shows.
 * @example
 * await updatePolicy(deps, "pol_…", { maxDevices: 3 }, { actor: "token:tok_…", reason: "plan change" });
 */
export async function updatePolicy(
  deps: ServerDeps,
  id: string,
  edit: PolicyEdit,
  change: Change,
): Promise<Result<Policy>> {
  const at = deps.clock().toISOString();
  const result = await deps.store.transaction(async (tx): Promise<Result<Policy>> => {
    const current = await tx.policies.findById(id);
    if (!current) return fail("POLICY_NOT_FOUND", { policyId: id });
    const defined = Object.fromEntries(Object.entries(edit).filter(([, value]) => value !== undefined));
    const next: Policy = { ...current, ...defined, updatedAt: at };
    const problem = weightsProblem(next.componentWeights, next.channel);
    if (problem) return { ok: false, error: problem };
    const changes = changedFields(pick(current, Object.keys(defined)), defined);
    await tx.policies.update(next);
    await recordAudit(tx, { type: "policy.updated", ...change, target: id, data: { changes }, at });
    return ok(next);
  });
  deps.policies.invalidate(id);
  return result;
}

const pick = (policy: Policy, fields: readonly string[]): Record<string, unknown> => {
  const all = new Map<string, unknown>(Object.entries(policy));
  return Object.fromEntries(fields.map((field) => [field, all.get(field)]));
};

/** Archive a policy (`archived` false: restore it). Its licenses keep working; it takes no new keys or moves. */
export async function archivePolicy(
  deps: ServerDeps,
  id: string,
  archived: boolean,
  change: Change,
): Promise<Result<Policy>> {
  const at = deps.clock().toISOString();
  const result = await deps.store.transaction(async (tx): Promise<Result<Policy>> => {
    const current = await tx.policies.findById(id);
    if (!current) return fail("POLICY_NOT_FOUND", { policyId: id });
    const { archivedAt: _a, ...rest } = current;
    const next: Policy = archived ? { ...rest, archivedAt: current.archivedAt ?? at } : rest;
    await tx.policies.update(next);
    const type = archived ? "policy.archived" : "policy.restored";
    await recordAudit(tx, { type, ...change, target: id, at });
    return ok(next);
  });
  deps.policies.invalidate(id);
  return result;
}

/**
 * Rename a product, give it a longer phone feature list (only appended to: see `phoneFeatureListProblem`), or
 * archive or restore it (its licenses keep working; no new policies or keys).
 */
export async function updateProduct(
  deps: ServerDeps,
  id: string,
  edit: { readonly name?: string; readonly archived?: boolean; readonly phoneFeatures?: readonly string[] },
  change: Change,
): Promise<Result<Product>> {
  const at = deps.clock().toISOString();
  return deps.store.transaction(async (tx): Promise<Result<Product>> => {
    const current = await tx.products.findById(id);
    if (!current) return fail("PRODUCT_NOT_FOUND", { productId: id });
    const phoneFeatures = edit.phoneFeatures;
    if (phoneFeatures !== undefined) {
      const problem = phoneFeatureListProblem(current.phoneFeatures ?? [], phoneFeatures);
      if (problem)
        return fail("PHONE_FEATURES_INVALID", {
          problem,
          current: (current.phoneFeatures ?? []).join(", ") || "-",
        });
    }
    const archivedAt =
      edit.archived === undefined ? undefined : edit.archived ? (current.archivedAt ?? at) : null;
    await tx.products.update(id, {
      ...(edit.name === undefined ? {} : { name: edit.name }),
      ...(archivedAt === undefined ? {} : { archivedAt }),
      ...(phoneFeatures === undefined ? {} : { phoneFeatures }),
    });
    const type =
      edit.archived === undefined
        ? "product.updated"
        : edit.archived
          ? "product.archived"
          : "product.restored";
    const { archivedAt: _a, ...rest } = current;
    const edited = {
      ...rest,
      name: edit.name ?? current.name,
      ...(phoneFeatures === undefined ? {} : { phoneFeatures: [...phoneFeatures] }),
    };
    const data = edit.archived === undefined ? { changes: changedFields(rest, edited) } : {};
    await recordAudit(tx, { type, ...change, target: id, data, at });
    const kept = archivedAt === undefined ? current.archivedAt : (archivedAt ?? undefined);
    return ok({ ...edited, ...(kept === undefined ? {} : { archivedAt: kept }) });
  });
}
