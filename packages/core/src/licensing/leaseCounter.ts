/**
 * Fork detection for perfect copies. A VM or disk clone whose every component reads the same cannot be told
 * apart by components; it shows itself by behaviour. Every lease carries the device's counter, and the server
 * remembers, for the newest lease it issued, which counter the request that obtained it presented (its parent).
 *
 * One machine's leases form a single line: it presents the lease it holds and gets the next. A request that
 * presents the parent of the newest lease is a retry after a lost reply (or a copy, which we cannot tell yet):
 * it gets a *new* lease, so the two lines split. From then on, whichever copy presents a lease that is neither
 * the newest nor its parent holds a line the server has already moved past: a fork.
 */
export interface LeaseCounters {
  /** Counter of the newest lease the server issued to the device. */
  readonly issued: number;
  /** Counter presented by the request that obtained the newest lease (its parent). */
  readonly issuedFrom: number;
}

/**
 * `current`: the newest lease. `retry`: the newest lease's parent, presented again; issue a new lease.
 * `forked`: a lease the device's line has already moved past.
 */
export type LeaseCounterCheck = "current" | "retry" | "forked";

/** Judge the counter of a lease presented on refresh. */
export function checkLeaseCounter(counters: LeaseCounters, presented: number): LeaseCounterCheck {
  // A counter above the newest can only follow a server restored from an older backup: trust the lease.
  if (presented >= counters.issued) return "current";
  if (presented === counters.issuedFrom) return "retry";
  return "forked";
}

/** Counters after issuing a new lease to a request that presented `presented` (or nothing, on key activation). */
export const issueNextLease = (counters: LeaseCounters, presented?: number): LeaseCounters => ({
  issued: Math.max(counters.issued, presented ?? 0) + 1,
  issuedFrom: presented ?? counters.issued,
});
