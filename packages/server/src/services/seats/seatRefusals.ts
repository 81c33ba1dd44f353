import { isRecord, type LicenseEvent, newId, type Problem } from "@ninsho/core";
import type { Repositories } from "@ninsho/store";

/**
 * How often one license's timeline takes the same seat refusal. A full pool refuses every machine that asks
 * until a seat frees (the SDK asks again and again): one `seat.refused` per code per minute tells support what
 * the customer runs into, with the numbers of the latest, without letting one busy pool fill the events table.
 */
const SAME_REFUSAL_MS = 60_000;

/** The plain facts of a refusal's details (never the list of holders a full pool names to its asker). */
const factsOf = (details: unknown): Record<string, string | number | boolean> =>
  isRecord(details)
    ? Object.fromEntries(
        Object.entries(details).filter(
          (e): e is [string, string | number | boolean] =>
            typeof e[1] === "string" || typeof e[1] === "number" || typeof e[1] === "boolean",
        ),
      )
    : {};

/**
 * Keep a seat refusal (NO_SEAT_AVAILABLE at check-out, SEAT_EXPIRED at a heartbeat) in the license's timeline,
 * as `activation.refused` keeps a device's: support's "why" page and the console's timeline word it from its
 * code and facts. Called inside the check-out's or heartbeat's transaction, with the license row locked.
 * @example
 * await recordSeatRefusal(tx, license.id, refused.error, { name: "CAD-12" }, now);
 */
export async function recordSeatRefusal(
  tx: Repositories,
  licenseId: string,
  problem: Problem,
  who: { readonly name: string; readonly seatId?: string },
  now: Date,
): Promise<void> {
  const since = new Date(now.getTime() - SAME_REFUSAL_MS).toISOString();
  const recent = await tx.events.listTypesSince(licenseId, ["seat.refused"], since);
  if (recent.some((e) => e.reason === problem.code)) return;
  const event: LicenseEvent = {
    id: newId("event"),
    licenseId,
    type: "seat.refused",
    actor: "system",
    reason: problem.code,
    data: { details: { ...factsOf(problem.params), ...factsOf(problem.details) }, ...who },
    createdAt: now.toISOString(),
  };
  await tx.events.append(event);
}
