/**
 * Seats: the unit of floating and workload licenses. A seat is held from its check-out until it is returned or
 * its stored expiry passes; nothing has to run for a silent holder to lose it, because every decision reads
 * "held" from the stored instants and the clock (`isSeatHeld`).
 */

/** How a seat is held: heartbeating (`floating`, `workload`) or taken offline for days (`borrowed`). */
export type SeatKind = "floating" | "workload" | "borrowed";

export interface Seat {
  readonly id: string;
  readonly licenseId: string;
  readonly kind: SeatKind;
  /**
   * Who holds it: the keyed digest of the machine's fingerprint (floating, borrowed) or the workload identity
   * the vendor's configuration gives (pod, task or instance id). The same holder checking out again gets the
   * same seat back rather than a second one.
   */
  readonly holder: string;
  readonly name: string;
  readonly platform: string;
  /** SHA-256 of the seat's secret: only the holder renews or returns it, and the database cannot. */
  readonly secretDigest: string;
  /** Taken beyond the pool in an overage window. */
  readonly overage: boolean;
  readonly checkedOutAt: string;
  readonly heartbeatAt: string;
  /** The seat is free from this instant unless a heartbeat moves it on. */
  readonly expiresAt: string;
  /** A hard end no heartbeat moves (end of a borrowing or of an overage window). */
  readonly endsBy?: string;
  readonly returnedAt?: string;
  /**
   * The holder's device secret, sealed under the server's master key and bound to this seat's id, when it
   * registered one at check-out: the seat is then renewed and returned only with the holder's device proof
   * (`deviceProof.ts`, the HMAC validation and deactivation use) over the request, not with its bearer secret.
   */
  readonly deviceSecret?: string;
}

/**
 * Whether a seat holds its place at `now`: not returned, and its expiry still ahead.
 * @example
 * isSeatHeld(seat, clock()); // false once expiresAt has passed
 */
export const isSeatHeld = (seat: Seat, now: Date): boolean =>
  seat.returnedAt === undefined && Date.parse(seat.expiresAt) > now.getTime();

/** When a seat stopped (or stops) counting: its return, or its expiry. */
export const seatEnd = (seat: Seat): string =>
  seat.returnedAt !== undefined && seat.returnedAt < seat.expiresAt ? seat.returnedAt : seat.expiresAt;

/** What a holder sees of the seats in the way. */
export interface SeatSummary {
  readonly id: string;
  readonly kind: SeatKind;
  readonly name: string;
  readonly platform: string;
  readonly checkedOutAt: string;
  readonly heartbeatAt: string;
  readonly expiresAt: string;
  readonly overage: boolean;
}

export const summarizeSeat = (seat: Seat): SeatSummary => ({
  id: seat.id,
  kind: seat.kind,
  name: seat.name,
  platform: seat.platform,
  checkedOutAt: seat.checkedOutAt,
  heartbeatAt: seat.heartbeatAt,
  expiresAt: seat.expiresAt,
  overage: seat.overage,
});
