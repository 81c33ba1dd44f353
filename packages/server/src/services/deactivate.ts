import { type Device, fail, newId, ok, type Result, verifyProductLease } from "@ninsho/core";
import type { ServerDeps } from "../deps.js";

/** Who asked for a deactivation: the device itself (proved by its lease) or an admin token. */
export type Deactivator = { readonly kind: "device" } | { readonly kind: "admin"; readonly tokenId: string };

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
      actor: by.kind === "device" ? `device:${device.id}` : `token:${by.tokenId}`,
      ...(reason === undefined ? {} : { reason }),
      data: { deviceId: device.id, name: device.name },
      createdAt: at,
    });
    return ok({ ...device, deactivatedAt: at });
  });
}

/** A device deactivating itself: its lease is the proof, whatever its age (an expired lease still names it). */
export async function deactivateByLease(deps: ServerDeps, lease: string): Promise<Result<Device>> {
  const claims = verifyProductLease(lease, await deps.keyring.leaseVerifiers());
  if (!claims.ok) return claims;
  return deactivateDevice(deps, claims.value.sub, { kind: "device" }, "deactivated from the device");
}
