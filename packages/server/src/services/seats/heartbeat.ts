import { decideHeartbeat, fail, type License, ok, type Policy, type Result, type Seat } from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import { holderProven, type SeatCredentials } from "./holder.js";
import { seatLease } from "./seatLeases.js";
import { recordSeatRefusal } from "./seatRefusals.js";

export interface Renewed {
  readonly license: License;
  readonly policy: Policy;
  readonly seat: Seat;
  readonly lease: string;
}

/**
 * A heartbeat from the seat's holder (its secret): the seat's expiry moves to the timeout ahead. Decided with
 * the license row locked, as check-outs are, so a seat that lapsed and was given to another machine can never
 * come back to life beside it. Only the holder renews it (its secret, or its device proof: `holderProven`).
 */
export async function heartbeat(
  deps: ServerDeps,
  seatId: string,
  credentials: SeatCredentials,
): Promise<Result<Renewed>> {
  const found = await deps.store.seats.findById(seatId);
  if (!found) return fail("SEAT_NOT_FOUND", { seatId });
  const proven = holderProven(found, credentials, deps.secrets, deps.clock());
  if (!proven.ok) return proven;
  const license = await deps.store.licenses.findById(found.licenseId);
  if (!license) throw new Error(`seat ${seatId} has no license`);
  const policy = await deps.policies.get(license.policyId);
  const key = await deps.keyring.signingKeyFor(license.productId);
  if (!policy || !key) throw new Error(`license ${license.id} has no policy or signing key`);
  const outcome = await deps.store.transaction(async (tx): Promise<Result<Renewed>> => {
    const locked = await tx.licenses.lockById(license.id);
    // The time is read once the lock is held: a check-out that saw this seat lapsed has committed by then.
    const now = deps.clock();
    const seat = await tx.seats.findById(seatId);
    // The holder again, on the row as locked: a check-out in between may have handed the seat on.
    if (
      !locked ||
      !seat ||
      seat.secretDigest !== found.secretDigest ||
      seat.deviceSecret !== found.deviceSecret
    )
      return fail("SEAT_NOT_FOUND", { seatId });
    const decided = decideHeartbeat(seat, policy, locked, now);
    if (!decided.ok) {
      // A lapsed seat's holder is told so; support sees it too (the license's own refusals are not seat ones).
      if (decided.error.code === "SEAT_EXPIRED")
        await recordSeatRefusal(tx, locked.id, decided.error, { name: seat.name, seatId: seat.id }, now);
      return decided;
    }
    const renewal = { heartbeatAt: now.toISOString(), expiresAt: decided.value };
    await tx.seats.renew(seat.id, renewal);
    return ok({ license: locked, policy, seat: { ...seat, ...renewal }, lease: "" });
  });
  if (!outcome.ok) return outcome;
  const { seat } = outcome.value;
  return ok({ ...outcome.value, lease: seatLease(key, outcome.value.license, policy, seat, deps.clock()) });
}
