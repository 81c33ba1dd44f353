import { fail, ok, type Result } from "../result.js";
import { type License, licenseRefusal } from "./license.js";
import { isSeatChannel, type Policy } from "./policy.js";
import { isSeatHeld, type Seat, type SeatKind, seatEnd, summarizeSeat } from "./seat.js";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Default heartbeat timeouts when a policy names none: minutes for a desktop, seconds for a container. */
export const seatDefaults = { floatingTimeoutSeconds: 300, workloadTimeoutSeconds: 30 } as const;

/**
 * Seats beyond the pool an overage allows: `percent` of the pool, rounded down, but at least one when the
 * policy allows any (10% of 5 seats still lets a sixth machine in rather than none).
 * @example
 * overageSeats({ seats: 20, overage: { percent: 10, hours: 24 } }); // 2
 */
export function overageSeats(policy: Pick<Policy, "seats" | "overage">): number {
  if (!policy.overage || policy.overage.percent <= 0) return 0;
  return Math.max(1, Math.floor(((policy.seats ?? 0) * policy.overage.percent) / 100));
}

/**
 * Where a license stands with its overage at `now`, from the start of its last window (the `windowStartedAt`
 * of its latest `seat.overage` event): inside a window (`open`), in the equal span after one during which no
 * new window opens (`cooling`), or free to open one (`available`); `none` when the policy allows no overage.
 */
export type OverageState =
  | { readonly kind: "none" }
  | { readonly kind: "open"; readonly startedAt: string; readonly endsAt: string }
  | { readonly kind: "cooling"; readonly until: string }
  | { readonly kind: "available" };

export function overageState(policy: Policy, lastWindowStart: string | undefined, now: Date): OverageState {
  if (overageSeats(policy) === 0 || !policy.overage) return { kind: "none" };
  if (lastWindowStart === undefined) return { kind: "available" };
  const start = Date.parse(lastWindowStart);
  const span = policy.overage.hours * HOUR_MS;
  if (now.getTime() < start + span)
    return { kind: "open", startedAt: lastWindowStart, endsAt: new Date(start + span).toISOString() };
  if (now.getTime() < start + 2 * span)
    return { kind: "cooling", until: new Date(start + 2 * span).toISOString() };
  return { kind: "available" };
}

/** Everything a check-out looks at, read in one transaction with the license row locked. */
export interface CheckOutInput {
  readonly license: License;
  readonly policy: Policy;
  /** How many of the license's seats are held at `now` (not returned, expiring after it). */
  readonly held: number;
  readonly holder: string;
  /** The seat this holder holds at `now`, if any. */
  readonly mine?: Seat | undefined;
  readonly now: Date;
  /** Start of the license's latest overage window, if it had one recently. */
  readonly lastOverageStart?: string | undefined;
  /** Floating only: borrow the seat offline for this many days instead of heartbeating. */
  readonly borrowDays?: number | undefined;
}

/** The numbers behind a check-out, for the answer, the refusal and the timeline. */
export interface SeatExplanation {
  readonly seats: number;
  /** Seats held before this check-out. */
  readonly held: number;
  /** Overage seats the policy allows now (0 outside an open or openable window). */
  readonly overageAllowed: number;
  readonly heartbeatTimeoutSeconds: number;
  readonly overage?: OverageState;
}

export type CheckOutDecision =
  | {
      /** The holder already has a seat: it gets that seat again (with a new secret), never a second one. */
      readonly outcome: "same_holder";
      readonly seat: Seat;
      /** What the seat is from now on (a held seat becomes `borrowed` when its holder borrows it). */
      readonly kind: SeatKind;
      readonly expiresAt: string;
      readonly endsBy?: string;
      readonly explanation: SeatExplanation;
    }
  | {
      readonly outcome: "new_seat";
      readonly kind: SeatKind;
      readonly expiresAt: string;
      readonly endsBy?: string;
      /** Set when the seat is beyond the pool: the window it is in (`opened`: this check-out opened it). */
      readonly overage?: {
        readonly windowStartedAt: string;
        readonly windowEndsAt: string;
        readonly opened: boolean;
      };
      readonly explanation: SeatExplanation;
    }
  /** Every seat the policy allows now is held: refuse with `noSeatAvailable`. */
  | { readonly outcome: "full"; readonly explanation: SeatExplanation };

const timeoutOf = (policy: Policy): number =>
  policy.heartbeatTimeoutSeconds ??
  (policy.channel === "workload" ? seatDefaults.workloadTimeoutSeconds : seatDefaults.floatingTimeoutSeconds);

/** The earlier of two ISO instants (either may be absent). */
const earliest = (...instants: (string | undefined)[]): string | undefined =>
  instants.filter((i): i is string => i !== undefined).sort()[0];

/** When a heartbeating seat renewed at `now` lapses: the timeout ahead, never past a hard end or the license. */
export function heartbeatExpiry(policy: Policy, license: License, now: Date, endsBy?: string): string {
  const ahead = new Date(now.getTime() + timeoutOf(policy) * 1000).toISOString();
  return earliest(ahead, endsBy, license.expiresAt) ?? ahead;
}

/**
 * Decide a check-out: the holder's own seat again, a free seat, an overage seat inside the policy's window, or
 * a full pool (`full`: the caller refuses it with `noSeatAvailable`). Pure; the caller persists.
 * @example
 * const decided = decideCheckOut({ license, policy, held: 3, holder, mine, now });
 * if (!decided.ok) return decided; // BORROW_NOT_ALLOWED, SEAT_CHANNEL_REQUIRED, a license refusal…
 */
export function decideCheckOut(input: CheckOutInput): Result<CheckOutDecision> {
  const { license, policy, now } = input;
  if (!isSeatChannel(policy.channel)) return fail("SEAT_CHANNEL_REQUIRED", { channel: policy.channel });
  const refusal = licenseRefusal(license, now);
  if (refusal) return { ok: false, error: refusal };
  const held = input.held;
  const pool = policy.seats ?? 0;
  const overage = overageState(policy, input.lastOverageStart, now);
  const extra = overage.kind === "open" || overage.kind === "available" ? overageSeats(policy) : 0;
  const explanation: SeatExplanation = {
    seats: pool,
    held,
    overageAllowed: extra,
    heartbeatTimeoutSeconds: timeoutOf(policy),
    ...(overage.kind === "none" ? {} : { overage }),
  };
  const borrowEnd = borrowing(policy, input.borrowDays, now);
  if (!borrowEnd.ok) return borrowEnd;
  const hardEnd = (end: string | undefined) =>
    borrowEnd.value === undefined
      ? { expiresAt: heartbeatExpiry(policy, license, now, end), endsBy: end }
      : {
          expiresAt: earliest(borrowEnd.value, license.expiresAt, end) ?? borrowEnd.value,
          endsBy: earliest(borrowEnd.value, end),
        };
  const newKind: SeatKind =
    borrowEnd.value !== undefined ? "borrowed" : policy.channel === "workload" ? "workload" : "floating";
  const mine = input.mine !== undefined && isSeatHeld(input.mine, now) ? input.mine : undefined;
  if (mine) {
    // Asking again never shortens a borrowing; asking to borrow turns the held seat into a borrowed one.
    const kind: SeatKind = borrowEnd.value !== undefined ? newKind : mine.kind;
    const overageEnd = mine.overage ? mine.endsBy : undefined;
    const next =
      borrowEnd.value === undefined && mine.kind === "borrowed"
        ? { expiresAt: mine.expiresAt, endsBy: mine.endsBy }
        : hardEnd(overageEnd);
    return ok({ outcome: "same_holder", seat: mine, kind, ...withEndsBy(next), explanation });
  }
  if (held < pool) {
    return ok({ outcome: "new_seat", kind: newKind, ...withEndsBy(hardEnd(undefined)), explanation });
  }
  if (held < pool + extra && (overage.kind === "open" || overage.kind === "available")) {
    const window =
      overage.kind === "open"
        ? { windowStartedAt: overage.startedAt, windowEndsAt: overage.endsAt, opened: false }
        : {
            windowStartedAt: now.toISOString(),
            windowEndsAt: new Date(now.getTime() + (policy.overage?.hours ?? 0) * HOUR_MS).toISOString(),
            opened: true,
          };
    // An overage seat never outlives its window, so the pool is back to its size when the window closes.
    const { expiresAt } = hardEnd(window.windowEndsAt);
    const endsBy = earliest(window.windowEndsAt, borrowEnd.value) ?? window.windowEndsAt;
    return ok({ outcome: "new_seat", kind: newKind, expiresAt, endsBy, overage: window, explanation });
  }
  return ok({ outcome: "full", explanation });
}

/**
 * The refusal of a full pool, from the seats that hold it: how many, and when the next one frees at the latest
 * (the earliest expiry or return among them; a heartbeat may move it later). Decided apart from
 * `decideCheckOut`, which counts seats only: the holders are read only when a check-out is refused.
 * @example
 * if (decided.value.outcome === "full") return noSeatAvailable(decided.value.explanation, await seats.listHeld(id, now), now);
 */
export function noSeatAvailable(
  explanation: SeatExplanation,
  held: readonly Seat[],
  now: Date,
): Result<never> {
  const nextFreeAt = held.map(seatEnd).sort()[0] ?? now.toISOString();
  return fail(
    "NO_SEAT_AVAILABLE",
    { held: explanation.held, seats: explanation.seats, nextFreeAt },
    { ...explanation, nextFreeAt, holders: held.map(summarizeSeat) },
  );
}

const withEndsBy = (next: { expiresAt: string; endsBy?: string | undefined }) => ({
  expiresAt: next.expiresAt,
  ...(next.endsBy === undefined ? {} : { endsBy: next.endsBy }),
});

/** The end of a borrowing asked for `days`, or `undefined` when none is asked; BORROW_NOT_ALLOWED beyond the policy. */
function borrowing(policy: Policy, days: number | undefined, now: Date): Result<string | undefined> {
  if (days === undefined) return ok(undefined);
  const max = policy.channel === "floating" ? (policy.borrowMaxDays ?? 0) : 0;
  if (days > max || days <= 0) return fail("BORROW_NOT_ALLOWED", { maxDays: max, requested: days });
  return ok(new Date(now.getTime() + days * DAY_MS).toISOString());
}

/**
 * Decide a heartbeat of a seat its holder presented: renewed to the timeout ahead (a borrowed seat keeps its
 * end), or SEAT_EXPIRED once returned or lapsed (the holder checks a seat out again), or the license's refusal.
 * @example
 * const next = decideHeartbeat(seat, policy, license, clock());
 * if (next.ok) await seats.renew(seat.id, clock().toISOString(), next.value);
 */
export function decideHeartbeat(seat: Seat, policy: Policy, license: License, now: Date): Result<string> {
  if (!isSeatHeld(seat, now)) {
    const returned = seat.returnedAt !== undefined;
    return fail(
      "SEAT_EXPIRED",
      { seatId: seat.id, expiredAt: seatEnd(seat), cause: returned ? "returned" : "lapsed" },
      { seatId: seat.id, expiredAt: seatEnd(seat), cause: returned ? "returned" : "lapsed" },
    );
  }
  const refusal = licenseRefusal(license, now);
  if (refusal) return { ok: false, error: refusal };
  if (seat.kind === "borrowed") return ok(seat.expiresAt);
  return ok(heartbeatExpiry(policy, license, now, seat.endsBy));
}
