import { checkLeaseCounter, issueNextLease, type LeaseCounters } from "@ninsho/core";
import type { Rng } from "./prng.js";

const DAY = 86_400;
/** The server's suspicion window: the default policy's lease (7 days) plus grace (14 days). */
export const SUSPICION_WINDOW = 21 * DAY;
export const SUSPICION_WINDOW_DAYS = 21;

/** One machine holding the license: the counter of the lease it holds and the day of its next refresh. */
interface Holder {
  held: number;
  next: number;
}

/**
 * Days between refreshes: the SDK refreshes once half the 7-day lease has gone, on the next day the machine is
 * on (`pOn`: share of days it is used).
 */
export const refreshGap = (rng: Rng, pOn: number): number => 4 + rng.geometric(pOn);

/**
 * Run the original and a second machine side by side on the server's real counter logic and return the day the
 * server first answers "forked", or `undefined` if it has not within `windowDays`. The second machine either
 * holds a copy of the original's lease (a clone) or activates with the key (a shared key).
 */
export function forkDetection(
  rng: Rng,
  original: number,
  copy: number,
  copyActivates: boolean,
  windowDays: number,
): number | undefined {
  let server: LeaseCounters = { issued: 10, issuedFrom: 9 };
  // Both are somewhere in their refresh cycle when the copy starts.
  const a: Holder = { held: 10, next: rng.next() * refreshGap(rng, original) };
  const b: Holder = { held: 10, next: rng.next() * refreshGap(rng, copy) };
  if (copyActivates) {
    server = issueNextLease(server);
    b.held = server.issued;
    b.next = refreshGap(rng, copy);
  }
  for (;;) {
    const [holder, pOn] = a.next <= b.next ? [a, original] : [b, copy];
    if (holder.next > windowDays) return undefined;
    const now = holder.next * DAY;
    const check = checkLeaseCounter(server, holder.held, now, SUSPICION_WINDOW);
    if (check === "forked") return holder.next;
    server = issueNextLease(server, holder.held, check === "suspect" ? now : undefined);
    holder.held = server.issued;
    holder.next += refreshGap(rng, pOn);
  }
}
