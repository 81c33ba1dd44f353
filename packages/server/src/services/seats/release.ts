import { fail, newId, ok, type Result, type Seat } from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import { holderProven, type SeatCredentials } from "./holder.js";

/**
 * Return a seat (its holder's secret): it is free at once. Returning a seat again, or one that already lapsed,
 * answers the seat as it is (the return is idempotent: an app retrying its release on exit must not fail).
 * A borrowed seat's early return goes on the license's timeline.
 */
export async function releaseSeat(
  deps: ServerDeps,
  seatId: string,
  credentials: SeatCredentials,
): Promise<Result<{ readonly seat: Seat; readonly productId: string }>> {
  const found = await deps.store.seats.findById(seatId);
  if (!found) return fail("SEAT_NOT_FOUND", { seatId });
  const proven = holderProven(found, credentials, deps.secrets, deps.clock());
  if (!proven.ok) return proven;
  const license = await deps.store.licenses.findById(found.licenseId);
  if (!license) throw new Error(`seat ${seatId} has no license`);
  return deps.store.transaction(async (tx) => {
    const now = deps.clock().toISOString();
    await tx.licenses.lockById(license.id);
    const seat = await tx.seats.findById(seatId);
    if (!seat || seat.secretDigest !== found.secretDigest || seat.deviceSecret !== found.deviceSecret)
      return fail("SEAT_NOT_FOUND", { seatId });
    if (seat.returnedAt !== undefined) return ok({ seat, productId: license.productId });
    await tx.seats.markReturned(seat.id, now);
    if (seat.kind === "borrowed" && seat.expiresAt > now) {
      await tx.events.append({
        id: newId("event"),
        licenseId: license.id,
        type: "seat.returned",
        actor: `seat:${seat.id}`,
        data: { seatId: seat.id, borrowedUntil: seat.expiresAt, name: seat.name },
        createdAt: now,
      });
    }
    return ok({ seat: { ...seat, returnedAt: now }, productId: license.productId });
  });
}
