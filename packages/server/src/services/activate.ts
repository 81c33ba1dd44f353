import {
  type ActivationInput,
  type Device,
  decideActivation,
  type Fingerprint,
  fail,
  forkGuardRefusal,
  type License,
  liveLineTakenByKey,
  type OnlineActivationDecision,
  ok,
  type Policy,
  presentedDigest,
  type Result,
  type Secrets,
  verifyProductLease,
} from "@ninsho/core";
import type { Repositories } from "@ninsho/store";
import type { ServerDeps } from "../deps.js";
import { type ActivationWrite, newDeviceRecord } from "./activationWrite.js";
import { admitDevice } from "./admission.js";
import { type NamedBase, nameBase } from "./channels.js";
import type { DecisionView } from "./deviceRecords.js";
import { sealDeviceSecret } from "./deviceSecrets.js";
import { issueRecorded } from "./leaseRecord.js";
import type { IssuedLease } from "./leases.js";
import { findLicenseByKey } from "./licenseByKey.js";

export type { DecisionView } from "./deviceRecords.js";

export interface ActivationRequest {
  readonly key: string;
  readonly fingerprint: Fingerprint;
  readonly device: { readonly name: string; readonly platform: string };
  /** The lease the machine holds, if any: its lineage goes on instead of being superseded. */
  readonly lease?: string | undefined;
  /** The device secret this machine made, in clear (a proof by it checked by `proveNewSecret`); sealed here. */
  readonly deviceSecret?: string | undefined;
  /** Upgrade licenses, first activation: the base license, by key or by id (see `services/channels.ts`). */
  readonly baseKey?: string | undefined;
  readonly baseLicenseId?: string | undefined;
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
 * sent only after the commit (the activation is durable once acknowledged). `lookup` finds the license by the
 * request's key (the route passes the lookup its key probe already made: see `keyLookupOnce`).
 */
export async function activate(
  deps: ServerDeps,
  request: ActivationRequest,
  lookup: () => Promise<Result<License>> = () => findLicenseByKey(deps, request.key),
): Promise<Result<Activation>> {
  const found = await lookup();
  if (!found.ok) return found;
  const policy = await deps.policies.forLicense(found.value);
  const key = await deps.keyring.signingKeyFor(found.value.productId);
  if (!policy || !key) throw new Error(`license ${found.value.id} has no policy or signing key`);
  const held = await heldLease(deps, found.value, request.lease);
  const base = policy.channel === "upgrade" ? await nameBase(deps, request) : ok(undefined);
  if (!base.ok) return base;
  const outcome = await deps.store.transaction(async (tx) => {
    const persisted = await decideAndPersist(deps, tx, found.value.id, policy, request, held, base.value);
    if (!persisted.ok) return persisted;
    const { license, device } = persisted.value;
    return ok({ ...persisted.value, lease: await issueRecorded(deps, tx, { key, license, policy, device }) });
  });
  if (!outcome.ok) return outcome;
  return ok({ ...outcome.value, policy });
}

async function decideAndPersist(
  deps: ServerDeps,
  tx: Repositories,
  licenseId: string,
  policy: Policy,
  request: ActivationRequest,
  held: ActivationInput["held"],
  base: NamedBase,
): Promise<Result<Omit<Activation, "lease" | "policy">>> {
  const now = deps.clock();
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
  // After a fork on this license the key alone no longer takes a live line (core's `forkGuardRefusal`); the
  // license's forks are read only when this activation would take one, under the license lock.
  const taken = liveLineTakenByKey(decided, policy, now);
  const guarded = taken && forkGuardRefusal(taken, await tx.devices.lastForkAt(licenseId), policy, now);
  // The channel's own rules (OEM and bundle bindings, one trial per machine, an upgrade's base) once the
  // activation rule let the machine in, as on every path that admits a device (`admitDevice`).
  const record = { tx, license: locked, policy, now, actor: (d: Device) => `device:${d.id}` };
  const admission = { deps, record, fingerprint: request.fingerprint, form: "full" as const, base };
  const write: ActivationWrite = guarded
    ? { kind: "refused", problem: guarded }
    : onlineWrite(deps.secrets, request, decided, licenseId, now);
  const written = await admitDevice(admission, write);
  if (!written.ok) return written;
  const { license, device, created, decision } = written.value;
  if (!decision) throw new Error("an online activation is always a recognition or a new device");
  return ok({ created, license, device, decision });
}

/** What an online decision writes: a refusal, the recognised device as it now is, a new device, or a fork. */
function onlineWrite(
  secrets: Secrets,
  request: ActivationRequest,
  decided: Result<OnlineActivationDecision>,
  licenseId: string,
  now: Date,
): ActivationWrite {
  if (!decided.ok) return { kind: "refused", problem: decided.error };
  const decision = decided.value;
  switch (decision.outcome) {
    case "forked":
      return { kind: "forked", device: decision.device, next: decision.next, event: decision.event };
    case "recognized": {
      const device: Device = {
        ...decision.next,
        ...request.device,
        ...secretOf(secrets, request, decision.next.id),
      };
      return { kind: "recognized", device, explanation: decision.explanation, lineage: decision };
    }
    case "new_device": {
      const info = { ...request.device, collector: request.fingerprint.collector };
      const bound = presentedDigest(request.fingerprint);
      const device = newDeviceRecord(licenseId, info, request.fingerprint.components, bound, now);
      return {
        kind: "new",
        device: { ...device, ...secretOf(secrets, request, device.id) },
        closest: decision.closest,
      };
    }
  }
}

/**
 * The device secret a request registers, sealed for the device, as a device field: a new activation's secret
 * replaces the one before (a client without device secrets leaves the registered one, so it cannot take a
 * device's proof away).
 * @example
 * const device: Device = { ...recognised, ...secretOf(deps.secrets, request, recognised.id) };
 */
export const secretOf = (
  secrets: Secrets,
  request: { readonly deviceSecret?: string | undefined },
  deviceId: string,
): { deviceSecret?: string } =>
  request.deviceSecret === undefined
    ? {}
    : { deviceSecret: sealDeviceSecret(secrets, request.deviceSecret, deviceId) };

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
