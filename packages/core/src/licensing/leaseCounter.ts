/**
 * Fork detection for perfect copies. A VM or disk clone whose every component reads the same cannot be told
 * apart by components; it shows itself by behaviour instead. Each lease issued to a device carries the next
 * value of the device's counter, and the server remembers the highest counter any copy has presented. Two
 * running copies cannot both keep up: once one has presented counter n, the other, still holding a lease
 * older than n, is seen presenting it.
 *
 * A client that never received its newest lease (a lost reply) presents the previous counter, which no copy
 * has presented yet: that is not a fork.
 */
export interface LeaseCounters {
  /** Counter of the newest lease the server issued to the device. */
  readonly issued: number;
  /** Highest counter any copy of the device has presented back. */
  readonly seen: number;
}

export type LeaseCounterCheck = "current" | "forked";

/** Judge the counter of a lease presented on refresh. */
export function checkLeaseCounter(counters: LeaseCounters, presented: number): LeaseCounterCheck {
  return presented < counters.seen ? "forked" : "current";
}

/** Counters after a lease with `presented` was accepted, and whether a new lease (counter + 1) was issued. */
export function advanceLeaseCounters(counters: LeaseCounters, presented: number, issueNew: boolean): LeaseCounters {
  const seen = Math.max(counters.seen, presented);
  return { issued: issueNew ? counters.issued + 1 : counters.issued, seen };
}
