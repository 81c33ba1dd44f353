import { checkKeyProof, fail, ok, parseDevicePublicKey, type Result, reason, type Seat } from "@ninsho/core";
import { holdsSeat } from "./credentials.js";

/**
 * What a request offers to show it comes from a seat's holder: the seat's secret (a seat kept by its secret),
 * or the holder's device proof over this very request (a seat whose holder registered a device key).
 * @example
 * const credentials: SeatCredentials = { secret, path: "/v1/seats/seat_…/heartbeats", body, proof: body.proof };
 */
export interface SeatCredentials {
  readonly secret?: string | undefined;
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly proof?: unknown;
}

/**
 * Whether the request comes from the seat's holder. A seat with a device key needs the holder's proof (the
 * secret alone no longer keeps it: it travels, a proof is good for one request for 10 minutes); a seat without
 * one needs its secret. Anything else is answered as an unknown seat, so a stranger learns nothing; only a
 * genuine proof made too far from the server's time is told so (DEVICE_PROOF_INVALID, with the server's time,
 * for an honest client to correct its clock once).
 * @example
 * const held = holderProven(seat, credentials, clock());
 * if (!held.ok) return held;
 */
export function holderProven(seat: Seat, credentials: SeatCredentials, now: Date): Result<true> {
  const unknown = fail("SEAT_NOT_FOUND", { seatId: seat.id });
  if (seat.deviceKey === undefined) return holdsSeat(seat, credentials.secret) ? ok(true) : unknown;
  const publicKey = parseDevicePublicKey(seat.deviceKey);
  if (!publicKey) return unknown;
  const request = {
    publicKey,
    path: credentials.path,
    body: credentials.body,
    proof: credentials.proof,
    now,
  };
  // The signature first: only the holder may learn that its clock is off.
  if (!checkKeyProof({ ...request, window: false }).ok) return unknown;
  if (checkKeyProof(request).ok) return ok(true);
  return fail(
    "DEVICE_PROOF_INVALID",
    { reason: reason("PROOF_STALE") },
    { reason: "stale", serverTime: now.toISOString() },
  );
}
