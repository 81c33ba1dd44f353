import {
  type Device,
  fail,
  type License,
  newId,
  ok,
  type Policy,
  type Result,
  TRANSFER_PERIOD_MS,
  transferAllowance,
} from "@ninsho/core";
import type { Repositories } from "@ninsho/store";
import { exhaustedProblem } from "../transfers/allowance.js";

/** How the owner proved a move, for DEVICE_REPLACED and the timeline: signed in, or the key and a mailed code. */
export type TransferProofKind = "account" | "code" | "support";

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
  /** How ownership was proven, for the timeline and the old device's DEVICE_REPLACED. */
  readonly by?: TransferProofKind | undefined;
  readonly now: Date;
}

/**
 * Move a license's slot to a new machine, the same for `POST /v1/transfers` and for a phone or file activation
 * of a full license: the policy must allow transfers, the old device must be an active device of the license
 * (a forked one included: a transfer is what resolves a fork), and the license's allowance (core's
 * `transferAllowance`: transfers per 365 days and the cool-down) must not be spent (TRANSFER_ALLOWANCE_EXHAUSTED).
 * The old device is deactivated and the new one inserted in the caller's transaction, which holds the license
 * lock; the `device.transferred` event is what later tells the old device DEVICE_REPLACED.
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
  const since = new Date(now.getTime() - TRANSFER_PERIOD_MS + 1).toISOString();
  const recent = await tx.events.listTypesSince(license.id, ["device.transferred"], since);
  const allowance = transferAllowance(
    policy,
    recent.map((event) => event.createdAt),
    now,
  );
  if (allowance.blocked) return { ok: false, error: exhaustedProblem(allowance) };
  await tx.devices.update(old.id, { deactivatedAt: at });
  await tx.devices.insert(move.device);
  const method = move.method === undefined ? {} : { method: move.method };
  const by = move.by === undefined ? {} : { by: move.by };
  await tx.events.append({
    id: newId("event"),
    licenseId: license.id,
    type: "device.transferred",
    actor: move.actor,
    reason: move.reason,
    data: { fromDeviceId: old.id, toDeviceId: move.device.id, name: move.device.name, ...method, ...by },
    createdAt: at,
  });
  return ok({ transfersLeft: allowance.left - 1 });
}
