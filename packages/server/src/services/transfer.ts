import { type Device, fail, licenseRefusal, ok, presentedDigest, type Result } from "@ninsho/core";
import type { ServerDeps } from "../deps.js";
import { type ActivationRequest, secretOf } from "./activate.js";
import { newDeviceRecord, writeActivation } from "./activationWrite.js";
import type { IssuedLease } from "./leases.js";
import { findLicenseByKey } from "./licenseByKey.js";

export interface TransferRequest extends ActivationRequest {
  /** The device whose slot the new machine takes (it is deactivated in the same transaction). */
  readonly fromDeviceId: string;
}

export interface Transfer {
  readonly device: Device;
  readonly lease: IssuedLease;
  readonly fromDeviceId: string;
  readonly transfersLeft: number;
  readonly productId: string;
}

/**
 * Self-service move of a license to a new machine: whoever holds the key may move it within the policy's
 * allowance (e.g. 3 per 365 days). The old device's lease stops refreshing and runs out on its own. It is also
 * how the owner resolves a fork: the forked device is deactivated and this machine starts a lineage of its own.
 */
export async function transfer(deps: ServerDeps, request: TransferRequest): Promise<Result<Transfer>> {
  const found = await findLicenseByKey(deps, request.key);
  if (!found.ok) return found;
  const policy = await deps.policies.forLicense(found.value);
  const key = await deps.keyring.signingKeyFor(found.value.productId);
  if (!policy || !key) throw new Error(`license ${found.value.id} has no policy or signing key`);
  const now = deps.clock();
  const done = await deps.store.transaction(async (tx) => {
    const license = await tx.licenses.lockById(found.value.id);
    if (!license) return fail("KEY_NOT_FOUND");
    // A license that may not be used may not be moved either: a transfer issues a lease.
    const refusal = licenseRefusal(license, now);
    if (refusal) return { ok: false as const, error: refusal };
    const info = { ...request.device, collector: request.fingerprint.collector };
    const bound = presentedDigest(request.fingerprint);
    const created = newDeviceRecord(license.id, info, request.fingerprint.components, bound, now);
    // The new machine's own device secret (its proof checked by the route): the old device's moves nowhere.
    const device: Device = { ...created, ...secretOf(deps.secrets, request, created.id) };
    const record = { tx, license, policy, now, actor: (d: Device) => `device:${d.id}` };
    const reason = "self-service transfer";
    return writeActivation(record, { kind: "transfer", device, fromDeviceId: request.fromDeviceId, reason });
  });
  if (!done.ok) return done;
  const { license, device, transfersLeft = 0 } = done.value;
  return ok({
    device,
    fromDeviceId: request.fromDeviceId,
    transfersLeft,
    productId: license.productId,
    lease: deps.leases.lease(key, license, policy, device),
  });
}
