import {
  type Device,
  decideActivation,
  type Fingerprint,
  fail,
  issueNextLease,
  keyLookupDigest,
  type License,
  newId,
  ok,
  type Policy,
  parseProductKey,
  presentedDigest,
  type Result,
} from "@ninsho/core";
import type { Repositories } from "@ninsho/store";
import type { ServerDeps } from "../deps.js";
import { type DecisionView, recordNewDevice, recordRecognized } from "./deviceRecords.js";
import { recordRefusal } from "./events.js";
import type { IssuedLease } from "./leases.js";

export type { DecisionView } from "./deviceRecords.js";

export interface ActivationRequest {
  readonly key: string;
  readonly fingerprint: Fingerprint;
  readonly device: { readonly name: string; readonly platform: string };
  /** The device key this machine made, its possession already proven (`proveNewKey`); it replaces an older one. */
  readonly deviceKey?: string | undefined;
}

export interface Activation {
  readonly created: boolean;
  readonly license: License;
  readonly policy: Policy;
  readonly device: Device;
  readonly lease: IssuedLease;
  readonly decision: DecisionView;
}

/** Find a license by what a person typed; malformed and unknown keys are refused before any lock is taken. */
export async function findLicenseByKey(deps: ServerDeps, typedKey: string): Promise<Result<License>> {
  const parsed = parseProductKey(typedKey);
  if (!parsed.ok) return parsed;
  const license = await deps.store.licenses.findByKeyDigest(keyLookupDigest(deps.secrets, parsed.value));
  return license ? ok(license) : fail("KEY_NOT_FOUND");
}

/**
 * Activate a machine on a license. The decision and everything it changes happen in one transaction holding
 * the license row lock, so concurrent activations of one key never exceed its device limit, and the reply is
 * sent only after the commit (the activation is durable once acknowledged).
 */
export async function activate(deps: ServerDeps, request: ActivationRequest): Promise<Result<Activation>> {
  const found = await findLicenseByKey(deps, request.key);
  if (!found.ok) return found;
  const policy = await deps.policies.get(found.value.policyId);
  const key = await deps.keyring.signingKeyFor(found.value.productId);
  if (!policy || !key) throw new Error(`license ${found.value.id} has no policy or signing key`);
  const outcome = await deps.store.transaction((tx) =>
    decideAndPersist(deps, tx, found.value.id, policy, request),
  );
  if (!outcome.ok) return outcome;
  const { license, device, created, decision } = outcome.value;
  return ok({
    created,
    license,
    policy,
    device,
    decision,
    lease: deps.leases.lease(key, license, policy, device),
  });
}

async function decideAndPersist(
  deps: ServerDeps,
  tx: Repositories,
  licenseId: string,
  policy: Policy,
  request: ActivationRequest,
): Promise<Result<Omit<Activation, "lease" | "policy">>> {
  const now = deps.clock();
  const at = now.toISOString();
  const locked = await tx.licenses.lockById(licenseId);
  if (!locked) return fail("KEY_NOT_FOUND");
  const devices = await tx.devices.listActive(licenseId);
  const decided = decideActivation({
    license: locked,
    policy,
    devices,
    fingerprint: request.fingerprint,
    now,
  });
  if (!decided.ok) {
    await recordRefusal(tx, licenseId, decided.error, at);
    return decided;
  }
  const components = request.fingerprint.components;
  const current = {
    name: request.device.name,
    platform: request.device.platform,
    collector: request.fingerprint.collector,
    components,
    fingerprintDigest: presentedDigest(request.fingerprint),
    leaseIssuedAt: at,
    lastSeenAt: at,
    ...(request.deviceKey === undefined ? {} : { deviceKey: request.deviceKey }),
  };
  const decision = decided.value;
  const record = { tx, license: locked, policy, now, actor: (d: Device) => `device:${d.id}` };
  if (decision.outcome === "recognized") {
    // Rolling baseline: the stored components become the current ones, so piecemeal upgrades never add up.
    const device: Device = {
      ...decision.device,
      ...current,
      leaseCounters: issueNextLease(decision.device.leaseCounters),
    };
    const view = await recordRecognized(record, device, decision.explanation);
    return ok({ created: false, license: locked, device, decision: view });
  }
  const device: Device = {
    id: newId("device"),
    licenseId,
    ...current,
    leaseCounters: issueNextLease({ issued: 0, issuedFrom: 0 }),
    activatedAt: at,
  };
  const { license, view } = await recordNewDevice(record, device, decision.closest);
  return ok({ created: true, license, device, decision: view });
}
