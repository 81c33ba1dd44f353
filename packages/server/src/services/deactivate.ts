import {
  checkLeaseCounter,
  type Device,
  fail,
  type LeaseClaims,
  newId,
  ok,
  type Result,
  reason,
  verifyProductLease,
} from "@ninsho/core";
import type { ServerDeps } from "../deps.js";
import { type ProvenRequest, proveDevice } from "./deviceProof.js";

/** Who asked for a deactivation: the device itself (proved by its lease), an admin token, or the owner's account. */
export type Deactivator =
  | { readonly kind: "device" }
  | { readonly kind: "admin"; readonly tokenId: string }
  | { readonly kind: "account"; readonly accountId: string };

const actorOf = (by: Deactivator, deviceId: string): string =>
  by.kind === "device"
    ? `device:${deviceId}`
    : by.kind === "admin"
      ? `token:${by.tokenId}`
      : `account:${by.accountId}`;

/**
 * Release a device's slot. Its lease stops refreshing at once, and the app runs out its current lease; the
 * slot is free for another machine as soon as this commits.
 */
export async function deactivateDevice(
  deps: ServerDeps,
  deviceId: string,
  by: Deactivator,
  reason?: string,
): Promise<Result<Device>> {
  const at = deps.clock().toISOString();
  return deps.store.transaction(async (tx) => {
    const seen = await tx.devices.findById(deviceId);
    if (!seen) return fail("DEVICE_NOT_FOUND", { deviceId });
    await tx.licenses.lockById(seen.licenseId);
    // Read again under the lock: another process may have deactivated it since (one event, not two).
    const device = (await tx.devices.findById(deviceId)) ?? seen;
    if (device.deactivatedAt !== undefined) {
      return fail("DEVICE_DEACTIVATED", { deactivatedAt: device.deactivatedAt });
    }
    await tx.devices.update(device.id, { deactivatedAt: at });
    await tx.events.append({
      id: newId("event"),
      licenseId: device.licenseId,
      type: "device.deactivated",
      actor: actorOf(by, device.id),
      ...(reason === undefined ? {} : { reason }),
      data: { deviceId: device.id, name: device.name },
      createdAt: at,
    });
    return ok({ ...device, deactivatedAt: at });
  });
}

const STALE_LEASE = { superseded: "LEASE_SUPERSEDED", expired: "LEASE_PAST_GRACE" } as const;

/** Whether a lease still stands for its device: the newest of its line (or its parent, a lost reply) and not past grace. */
function staleness(claims: LeaseClaims, device: Device, now: Date): "superseded" | "expired" | undefined {
  const seconds = Math.floor(now.getTime() / 1000);
  if (seconds >= claims.exp) return "expired";
  const check = checkLeaseCounter(device.leaseCounters, claims.ctr, seconds, 0);
  return check === "current" || check === "retry" ? undefined : "superseded";
}

/**
 * A device deactivating itself: the request carries the device's current lease (a superseded lease, or one
 * past its grace, no longer stands for the device) and, for a device with a key, the device's proof.
 */
export async function deactivateByLease(
  deps: ServerDeps,
  lease: string,
  proven: ProvenRequest,
): Promise<Result<Device>> {
  const claims = verifyProductLease(lease, await deps.keyring.leaseVerifiers());
  if (!claims.ok) return claims;
  const now = deps.clock();
  const device = await deps.store.devices.findById(claims.value.sub);
  if (!device) return fail("DEVICE_NOT_FOUND", { deviceId: claims.value.sub });
  const stale = device.deactivatedAt === undefined ? staleness(claims.value, device, now) : undefined;
  if (stale) return fail("LEASE_INVALID", { reason: reason(STALE_LEASE[stale]) }, { reason: stale });
  const proof = proveDevice(device, proven, now);
  if (!proof.ok) return proof;
  return deactivateDevice(deps, claims.value.sub, { kind: "device" }, "deactivated from the device");
}
