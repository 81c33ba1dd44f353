/**
 * Fork detection for perfect copies. A VM or disk clone whose every component reads the same cannot be told
 * apart by components; it shows itself by behaviour. Every lease carries the device's counter, and the server
 * remembers, for the newest lease it issued, which counter the request that obtained it presented (its parent).
 *
 * One machine's leases form a single line: it presents the lease it holds and gets the next. A request that
 * presents the parent of the newest lease is a retry after a lost reply (or a copy, which we cannot tell yet):
 * it gets a *new* lease, so the two lines split. A lease that is neither the newest nor its parent belongs to a
 * line the server has moved past.
 *
 * That alone is also what a machine put back to an earlier state shows (a VM snapshot reverted, a disk image
 * restored), and such a machine must not be locked out. So the first stale lease only raises a *suspicion*:
 * it is served, and its line becomes the current one. A real clone is two machines still running: the other
 * line comes back within a lease period and grace (it must refresh by then or stop), and that second strike
 * is the fork. A restored machine has no other line, and the suspicion lapses.
 */
export interface LeaseCounters {
  /** Counter of the newest lease the server issued to the device. */
  readonly issued: number;
  /** Counter presented by the request that obtained the newest lease (its parent). */
  readonly issuedFrom: number;
  /** When (epoch seconds) a stale lease was last seen, if ever. */
  readonly suspectedAt?: number | undefined;
}

/**
 * `current`: the newest lease. `retry`: the newest lease's parent, presented again; issue a new lease.
 * `suspect`: a stale lease, the first within the window; serve it and remember. `forked`: a second strike.
 */
export type LeaseCounterCheck = "current" | "retry" | "suspect" | "forked";

/**
 * Judge the counter of a lease presented on refresh at `now` (epoch seconds); a suspicion older than
 * `windowSeconds` (the policy's lease plus grace) has lapsed.
 */
export function checkLeaseCounter(
  counters: LeaseCounters,
  presented: number,
  now: number,
  windowSeconds: number,
): LeaseCounterCheck {
  // A counter above the newest can only follow a server restored from an older backup: trust the lease.
  if (presented >= counters.issued) return "current";
  if (presented === counters.issuedFrom) return "retry";
  const suspected = counters.suspectedAt;
  return suspected !== undefined && now - suspected <= windowSeconds ? "forked" : "suspect";
}

/**
 * Counters after issuing a new lease to a request that presented `presented` (or nothing, on key activation);
 * `suspectAt` records a suspicion raised by this request.
 */
export const issueNextLease = (
  counters: LeaseCounters,
  presented?: number,
  suspectAt?: number,
): LeaseCounters => ({
  issued: Math.max(counters.issued, presented ?? 0) + 1,
  issuedFrom: presented ?? counters.issued,
  ...((suspectAt ?? counters.suspectedAt) === undefined
    ? {}
    : { suspectedAt: suspectAt ?? counters.suspectedAt }),
});
