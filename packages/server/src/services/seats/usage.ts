import { fail, isSeatHeld, ok, peakConcurrentByDay, type Result, type Seat, seatEnd } from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";

const DAY_MS = 86_400_000;

export interface SeatUsageReport {
  readonly licenseId: string;
  readonly seats: number;
  readonly held: Seat[];
  readonly days: { readonly day: string; readonly peak: number }[];
}

/**
 * A license's seats as the vendor sees them: those held now, and the peak of concurrent seats (instances, for
 * workloads) on each UTC day of the last `days` days, today included.
 * @example
 * const usage = await seatUsage(deps, "lic_…", 30);
 */
export async function seatUsage(
  deps: ServerDeps,
  licenseId: string,
  days: number,
): Promise<Result<SeatUsageReport>> {
  const license = await deps.store.licenses.findById(licenseId);
  if (!license) return fail("LICENSE_NOT_FOUND", { licenseId });
  const policy = await deps.policies.get(license.policyId);
  const now = deps.clock();
  const today = now.toISOString().slice(0, 10);
  const firstDay = new Date(Date.parse(`${today}T00:00:00.000Z`) - (days - 1) * DAY_MS).toISOString();
  const dayAfter = new Date(Date.parse(`${today}T00:00:00.000Z`) + DAY_MS).toISOString();
  const seats = await deps.store.seats.listOverlapping(licenseId, firstDay, dayAfter);
  // A seat counts until it was returned or lapsed; one still held, until its expiry (it is held until then).
  const spans = seats.map((s) => ({ from: s.checkedOutAt, to: seatEnd(s) }));
  return ok({
    licenseId,
    seats: policy?.seats ?? 0,
    held: seats.filter((s) => isSeatHeld(s, now)),
    days: peakConcurrentByDay(spans, firstDay.slice(0, 10), today),
  });
}
