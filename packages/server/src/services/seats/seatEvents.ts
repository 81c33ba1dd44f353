import {
  type CheckOutDecision,
  type License,
  type LicenseEvent,
  newId,
  type Policy,
  type Seat,
} from "@ninsho/core";
import type { Repositories } from "@ninsho/store";

const HOUR_MS = 3_600_000;

/**
 * The start of the license's latest overage window, from its timeline: the `windowStartedAt` of the latest
 * `seat.overage` event in the last two window spans (a window and its cooling span); older ones decide nothing.
 */
export async function lastOverageStart(
  tx: Repositories,
  licenseId: string,
  policy: Policy,
  now: Date,
): Promise<string | undefined> {
  if (!policy.overage) return undefined;
  const since = new Date(now.getTime() - 2 * policy.overage.hours * HOUR_MS).toISOString();
  const events = await tx.events.listTypesSince(licenseId, ["seat.overage"], since);
  const starts = events.map((e) => e.data.windowStartedAt).filter((s): s is string => typeof s === "string");
  return starts.sort().at(-1);
}

/**
 * What a check-out adds to the license's timeline: every seat taken beyond the pool (`seat.overage`, with its
 * window, so the vendor sees overage use) and every borrowing (`seat.borrowed`). Ordinary check-outs and
 * heartbeats are not events: they are the seats table itself (see the usage route).
 */
export function seatEvents(
  license: License,
  seat: Seat,
  decision: Exclude<CheckOutDecision, { outcome: "full" }>,
  borrowDays: number | undefined,
  now: Date,
): LicenseEvent[] {
  const base = { licenseId: license.id, actor: `seat:${seat.id}`, createdAt: now.toISOString() };
  const events: LicenseEvent[] = [];
  if (decision.outcome === "new_seat" && decision.overage) {
    events.push({
      ...base,
      id: newId("event"),
      type: "seat.overage",
      reason: decision.overage.opened ? "window opened" : "within window",
      data: {
        seatId: seat.id,
        ...decision.overage,
        held: decision.explanation.held,
        seats: decision.explanation.seats,
        overageAllowed: decision.explanation.overageAllowed,
      },
    });
  }
  if (borrowDays !== undefined) {
    events.push({
      ...base,
      id: newId("event"),
      type: "seat.borrowed",
      data: { seatId: seat.id, days: borrowDays, until: seat.expiresAt, name: seat.name },
    });
  }
  return events;
}
