import {
  type ActivationInput,
  type Device,
  decideActivation,
  type Fingerprint,
  fail,
  issueNextLease,
  type License,
  newId,
  ok,
  type Policy,
  presentedDigest,
  type Result,
  verifyProductLease,
} from "@ninsho/core";
import type { Repositories } from "@ninsho/store";
import type { ServerDeps } from "../deps.js";
import { type DecisionView, recordFork, recordNewDevice, recordRecognized } from "./deviceRecords.js";
import { recordRefusal } from "./events.js";
import type { IssuedLease } from "./leases.js";
import { findLicenseByKey } from "./licenseByKey.js";

export type { DecisionView } from "./deviceRecords.js";

export interface ActivationRequest {
  readonly key: string;
  readonly fingerprint: Fingerprint;
  readonly device: { readonly name: string; readonly platform: string };
  /** The lease the machine holds, if any: its lineage goes on instead of being superseded. */
  readonly lease?: string | undefined;
}

export interface Activation {
  readonly created: boolean;
  readonly license: License;
  readonly policy: Policy;
  readonly device: Device;
  readonly lease: IssuedLease;
  readonly decision: DecisionView;
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
  const held = await heldLease(deps, found.value, request.lease);
  const outcome = await deps.store.transaction((tx) =>
    decideAndPersist(deps, tx, found.value.id, policy, request, held),
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
  held: ActivationInput["held"],
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
    held,
  });
  if (!decided.ok) {
    await recordRefusal(tx, licenseId, decided.error, at);
    return decided;
  }
  const decision = decided.value;
  const record = { tx, license: locked, policy, now, actor: (d: Device) => `device:${d.id}` };
  if (decision.outcome === "forked") return recordFork(record, decision);
  if (decision.outcome === "recognized") {
    const device: Device = { ...decision.next, name: request.device.name, platform: request.device.platform };
    const view = await recordRecognized(record, device, decision.explanation, decision);
    return ok({ created: false, license: locked, device, decision: view });
  }
  const components = request.fingerprint.components;
  const device: Device = {
    id: newId("device"),
    licenseId,
    name: request.device.name,
    platform: request.device.platform,
    collector: request.fingerprint.collector,
    components,
    fingerprintDigest: presentedDigest(request.fingerprint),
    leaseCounters: issueNextLease({ issued: 0, issuedFrom: 0 }),
    leaseIssuedAt: at,
    lastSeenAt: at,
    activatedAt: at,
  };
  const { license, view } = await recordNewDevice(record, device, decision.closest);
  return ok({ created: true, license, device, decision: view });
}

/**
 * The lease an activating machine sent, if it is a genuine lease of this license: which device and counter.
 * Anything else (none, expired beyond use, another license's) counts as no lease: the key alone asks.
 */
async function heldLease(
  deps: ServerDeps,
  license: License,
  lease: string | undefined,
): Promise<ActivationInput["held"]> {
  if (lease === undefined) return undefined;
  const claims = verifyProductLease(lease, await deps.keyring.leaseVerifiers());
  if (!claims.ok || claims.value.lic !== license.id || claims.value.aud !== license.productId)
    return undefined;
  return { deviceId: claims.value.sub, counter: claims.value.ctr };
}
