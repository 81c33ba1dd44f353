import { type Device, fail, type License, newId, ok, type Policy, type Result } from "@ninsho/core";
import type { Repositories } from "@ninsho/store";

const YEAR_MS = 365 * 86_400_000;

/** A transfer: the new machine takes the slot of `fromDeviceId`, within the policy's allowance. */
export interface SlotTransfer {
  readonly license: License;
  readonly policy: Policy;
  readonly fromDeviceId: string;
  /** The new device, not stored yet. */
  readonly device: Device;
  readonly actor: string;
  /** Why, for the timeline ("self-service transfer", "transfer by phone activation"…). */
  readonly reason: string;
  /** How it came (`phone`, `file`), for the timeline; absent online. */
  readonly method?: "phone" | "file" | undefined;
  readonly now: Date;
}

/**
 * Move a license's slot to a new machine, the same for `POST /v1/transfers` and for a phone or file activation
 * of a full license: the policy must allow transfers, the old device must be an active device of the license
 * (a forked one included: a transfer is what resolves a fork), and the license must have transfers left in the
 * last 365 days (the instant 365 days ago excluded, so a transfer is available again exactly at `nextAt`). The
 * old device is deactivated and the new one inserted in the caller's transaction, which holds the license lock.
 * @example
 * const moved = await takeSlotByTransfer(tx, { license, policy, fromDeviceId, device, actor, reason, now });
 * if (moved.ok) console.log(moved.value.transfersLeft);
 */
export async function takeSlotByTransfer(
  tx: Repositories,
  move: SlotTransfer,
): Promise<Result<{ transfersLeft: number }>> {
  const { license, policy, now } = move;
  const at = now.toISOString();
  if (!policy.transferable) return fail("TRANSFER_NOT_ALLOWED");
  const old = await tx.devices.findById(move.fromDeviceId);
  if (!old || old.licenseId !== license.id) return fail("DEVICE_NOT_FOUND", { deviceId: move.fromDeviceId });
  if (old.deactivatedAt !== undefined)
    return fail("DEVICE_DEACTIVATED", { deactivatedAt: old.deactivatedAt });
  const since = new Date(now.getTime() - YEAR_MS + 1).toISOString();
  const recent = await tx.events.listTypesSince(license.id, ["device.transferred"], since);
  if (recent.length >= policy.transfersPerYear) {
    const oldest = recent[0]?.createdAt ?? at;
    const nextAt = new Date(Date.parse(oldest) + YEAR_MS).toISOString();
    const facts = { used: recent.length, allowance: policy.transfersPerYear, nextAt };
    return fail("TRANSFER_LIMIT_REACHED", facts, facts);
  }
  await tx.devices.update(old.id, { deactivatedAt: at });
  await tx.devices.insert(move.device);
  const method = move.method === undefined ? {} : { method: move.method };
  await tx.events.append({
    id: newId("event"),
    licenseId: license.id,
    type: "device.transferred",
    actor: move.actor,
    reason: move.reason,
    data: { fromDeviceId: old.id, toDeviceId: move.device.id, name: move.device.name, ...method },
    createdAt: at,
  });
  return ok({ transfersLeft: policy.transfersPerYear - recent.length - 1 });
}
