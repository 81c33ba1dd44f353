import {
  type Device,
  fail,
  issueNextLease,
  licenseRefusal,
  newId,
  ok,
  presentedDigest,
  type Result,
} from "@ninsho/core";
import type { ServerDeps } from "../deps.js";
import { type ActivationRequest, findLicenseByKey } from "./activate.js";
import type { IssuedLease } from "./leases.js";

const YEAR_MS = 365 * 86_400_000;

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
 * allowance (e.g. 3 per 365 days). The old device's lease stops refreshing and runs out on its own.
 */
export async function transfer(deps: ServerDeps, request: TransferRequest): Promise<Result<Transfer>> {
  const found = await findLicenseByKey(deps, request.key);
  if (!found.ok) return found;
  const policy = await deps.policies.get(found.value.policyId);
  const key = await deps.keyring.signingKeyFor(found.value.productId);
  if (!policy || !key) throw new Error(`license ${found.value.id} has no policy or signing key`);
  const now = deps.clock();
  const at = now.toISOString();
  const done = await deps.store.transaction(async (tx) => {
    const license = await tx.licenses.lockById(found.value.id);
    if (!license) return fail("KEY_NOT_FOUND");
    // A license that may not be used may not be moved either: a transfer issues a lease.
    const refusal = licenseRefusal(license, now);
    if (refusal) return { ok: false as const, error: refusal };
    if (!policy.transferable) return fail("TRANSFER_NOT_ALLOWED");
    const old = await tx.devices.findById(request.fromDeviceId);
    if (!old || old.licenseId !== license.id)
      return fail("DEVICE_NOT_FOUND", { deviceId: request.fromDeviceId });
    if (old.deactivatedAt !== undefined)
      return fail("DEVICE_DEACTIVATED", { deactivatedAt: old.deactivatedAt });
    // The last 365 days exclude the instant 365 days ago, so a transfer is available again exactly at `nextAt`.
    const since = new Date(now.getTime() - YEAR_MS + 1).toISOString();
    const recent = await tx.events.listTypesSince(license.id, ["device.transferred"], since);
    if (recent.length >= policy.transfersPerYear) {
      const oldest = recent[0]?.createdAt ?? at;
      const nextAt = new Date(Date.parse(oldest) + YEAR_MS).toISOString();
      return fail(
        "TRANSFER_LIMIT_REACHED",
        { used: recent.length, allowance: policy.transfersPerYear, nextAt },
        { used: recent.length, allowance: policy.transfersPerYear, nextAt },
      );
    }
    const device: Device = {
      id: newId("device"),
      licenseId: license.id,
      name: request.device.name,
      platform: request.device.platform,
      collector: request.fingerprint.collector,
      components: request.fingerprint.components,
      fingerprintDigest: presentedDigest(request.fingerprint),
      leaseCounters: issueNextLease({ issued: 0, issuedFrom: 0 }),
      leaseIssuedAt: at,
      activatedAt: at,
      lastSeenAt: at,
      ...(request.deviceKey === undefined ? {} : { deviceKey: request.deviceKey }),
    };
    await tx.devices.update(old.id, { deactivatedAt: at });
    await tx.devices.insert(device);
    await tx.events.append({
      id: newId("event"),
      licenseId: license.id,
      type: "device.transferred",
      actor: `device:${device.id}`,
      reason: "self-service transfer",
      data: { fromDeviceId: old.id, toDeviceId: device.id, name: device.name },
      createdAt: at,
    });
    return ok({ license, device, transfersLeft: policy.transfersPerYear - recent.length - 1 });
  });
  if (!done.ok) return done;
  const { license, device, transfersLeft } = done.value;
  return ok({
    device,
    fromDeviceId: request.fromDeviceId,
    transfersLeft,
    productId: license.productId,
    lease: deps.leases.lease(key, license, policy, device),
  });
}
