import { type Device, fail, type License, newId, ok, type Policy, type Result } from "@ninsho/core";
import type { Repositories } from "@ninsho/store";

const YEAR_MS = 365 * 86_400_000;

/** A transfer inside an offline activation: the new machine takes the slot of `fromDeviceId`. */
export interface SlotTransfer {
  readonly license: License;
  readonly policy: Policy;
  readonly fromDeviceId: string;
  /** The new device, not stored yet. */
  readonly device: Device;
  readonly actor: string;
  readonly method: "phone" | "file";
  readonly now: Date;
}

/**
 * Move a full license's slot to a machine activating offline, under the rules of `POST /v1/transfers`: the
 * policy must allow transfers, the old device must be an active device of the license, and the license must
 * have transfers left in the last 365 days. Runs in the caller's transaction, which holds the license lock.
 * @example
 * const moved = await takeSlotByTransfer(tx, { license, policy, fromDeviceId, device, actor, method: "phone", now });
 */
export async function takeSlotByTransfer(tx: Repositories, move: SlotTransfer): Promise<Result<void>> {
  const { license, policy, now } = move;
  const at = now.toISOString();
  if (!policy.transferable) return fail("TRANSFER_NOT_ALLOWED");
  const old = await tx.devices.findById(move.fromDeviceId);
  if (!old || old.licenseId !== license.id) return fail("DEVICE_NOT_FOUND", { deviceId: move.fromDeviceId });
  if (old.deactivatedAt !== undefined)
    return fail("DEVICE_DEACTIVATED", { deactivatedAt: old.deactivatedAt });
  const since = new Date(now.getTime() - YEAR_MS).toISOString();
  const recent = await tx.events.listTypesSince(license.id, ["device.transferred"], since);
  if (recent.length >= policy.transfersPerYear) {
    const oldest = recent[0]?.createdAt ?? at;
    const nextAt = new Date(Date.parse(oldest) + YEAR_MS).toISOString();
    const facts = { used: recent.length, allowance: policy.transfersPerYear, nextAt };
    return fail("TRANSFER_LIMIT_REACHED", facts, facts);
  }
  await tx.devices.update(old.id, { deactivatedAt: at });
  await tx.devices.insert(move.device);
  await tx.events.append({
    id: newId("event"),
    licenseId: license.id,
    type: "device.transferred",
    actor: move.actor,
    reason: move.method === "phone" ? "transfer by phone activation" : "transfer by license file",
    data: { fromDeviceId: old.id, toDeviceId: move.device.id, name: move.device.name, method: move.method },
    createdAt: at,
  });
  return ok(undefined);
}
