import {
  effectiveEntitlements,
  type License,
  type Policy,
  type Seat,
  type SigningKey,
  signSeatLease,
} from "@ninsho/core";

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/**
 * A seat's signed lease: the seat of this license is held until its expiry. Signed afresh at every check-out
 * and heartbeat (its expiry moves), with the product's current key.
 * @example
 * const lease = seatLease(key, license, policy, seat, clock());
 */
export function seatLease(key: SigningKey, license: License, policy: Policy, seat: Seat, now: Date): string {
  return signSeatLease(key, {
    iss: "ninsho",
    sub: seat.id,
    aud: license.productId,
    lic: license.id,
    pol: policy.id,
    chn: policy.channel,
    knd: seat.kind,
    hld: seat.holder,
    ent: effectiveEntitlements(policy, license),
    iat: Math.floor(now.getTime() / 1000),
    exp: seconds(seat.expiresAt),
  });
}

/** What a holder is told about its seat. */
export const seatView = (seat: Seat) => ({
  id: seat.id,
  kind: seat.kind,
  checkedOutAt: seat.checkedOutAt,
  heartbeatAt: seat.heartbeatAt,
  expiresAt: seat.expiresAt,
  ...(seat.endsBy === undefined ? {} : { endsBy: seat.endsBy }),
  overage: seat.overage,
});

/** How often a holder should heartbeat: a third of the timeout, so two heartbeats may be lost in a row. */
export const heartbeatInterval = (policy: Policy): number =>
  Math.max(1, Math.floor((policy.heartbeatTimeoutSeconds ?? 300) / 3));
