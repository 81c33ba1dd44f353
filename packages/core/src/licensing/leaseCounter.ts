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
 *
 * A re-activation by key (no lease presented, or one the device has moved past) starts a new *lineage*: its
 * first lease's counter becomes `lineageFrom`, and every lease below it is superseded. A copy that deletes its
 * lease and activates again therefore cuts off the other copy, which is told so (LEASE_SUPERSEDED) at its next
 * refresh instead of being served. A superseded lease presented once is again only a suspicion (a machine
 * restored from a snapshot taken before it was re-activated shows the same); a second line coming back while
 * that suspicion stands is the fork.
 */
export interface LeaseCounters {
  /** Counter of the newest lease the server issued to the device. */
  readonly issued: number;
  /** Counter presented by the request that obtained the newest lease (its parent). */
  readonly issuedFrom: number;
  /** When (epoch seconds) a stale lease was last seen, if ever. */
  readonly suspectedAt?: number | undefined;
  /** Counter of the stale lease that raised that suspicion: the same copy presenting it again is no 2nd strike. */
  readonly suspectedCounter?: number | undefined;
  /** Counter of the first lease of the current lineage (0: the device was never re-activated by key). */
  readonly lineageFrom?: number | undefined;
}

/**
 * `current`: the newest lease. `retry`: the newest lease's parent, presented again; issue a new lease.
 * `suspect`: a stale lease, the first within the window; serve it and remember. `superseded`: a lease of a
 * lineage a re-activation by key replaced; refuse it (LEASE_SUPERSEDED) and remember. `forked`: a second strike.
 */
export type LeaseCounterCheck = "current" | "retry" | "suspect" | "superseded" | "forked";

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
  const suspected = counters.suspectedAt;
  const suspicionStands = suspected !== undefined && now - suspected <= windowSeconds;
  // The same stale lease again is the same copy asking again (a refused one retries), not a second line.
  const secondStrike = suspicionStands && presented !== counters.suspectedCounter;
  if (presented < (counters.lineageFrom ?? 0)) return secondStrike ? "forked" : "superseded";
  if (presented === counters.issuedFrom) return "retry";
  return suspicionStands ? "forked" : "suspect";
}

/**
 * Counters after a lease of `presented` raised a suspicion at `now` (epoch seconds) and was refused rather than
 * served (a superseded lineage): nothing is issued, the strike is remembered.
 * @example
 * const counters = rememberStrike(device.leaseCounters, 4, nowSeconds);
 */
export const rememberStrike = (counters: LeaseCounters, presented: number, now: number): LeaseCounters => ({
  ...counters,
  // A repeat of the lease that raised the standing suspicion keeps its time: asking again does not extend it.
  ...(counters.suspectedCounter === presented && counters.suspectedAt !== undefined
    ? {}
    : { suspectedAt: now, suspectedCounter: presented }),
});

/**
 * Counters after a re-activation by key: the next lease starts a new lineage and every lease issued before it
 * is superseded. A standing suspicion is kept, so a copy that re-activates cannot wash a strike away.
 * @example
 * startLineage({ issued: 7, issuedFrom: 6 }); // { issued: 8, issuedFrom: 7, lineageFrom: 8 }
 */
export const startLineage = (counters: LeaseCounters): LeaseCounters => {
  const issued = counters.issued + 1;
  return { ...counters, issued, issuedFrom: counters.issued, lineageFrom: issued };
};

/**
 * Counters after issuing a new lease to a request that presented `presented` (or nothing, on key activation);
 * `suspectAt` records a suspicion raised by this request.
 */
export const issueNextLease = (
  counters: LeaseCounters,
  presented?: number,
  suspectAt?: number,
): LeaseCounters => ({
  ...counters,
  issued: Math.max(counters.issued, presented ?? 0) + 1,
  issuedFrom: presented ?? counters.issued,
  ...(suspectAt === undefined ? {} : { suspectedAt: suspectAt, suspectedCounter: presented }),
});
