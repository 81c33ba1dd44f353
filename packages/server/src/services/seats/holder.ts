import { checkDeviceProof, fail, ok, type Result, reason, type Seat, type Secrets } from "@ninsho/core";
import { openDeviceSecret } from "../deviceSecrets.js";
import { holdsSeat } from "./credentials.js";

/**
 * What a request offers to show it comes from a seat's holder: the seat's bearer secret (a seat kept by its
 * secret), or the holder's device proof over this very request (a seat whose holder registered a device secret).
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
 * Whether the request comes from the seat's holder. A seat with a device secret needs the holder's device
 * proof (the HMAC validation and deactivation use; the bearer secret alone no longer keeps it: it travels, a
 * proof is good for one request for 10 minutes, as a validation's is); a seat without one needs its bearer
 * secret. Anything else is answered as an unknown seat, so a stranger learns nothing; only a genuine proof made
 * too far from the server's time is told so (DEVICE_PROOF_INVALID, with the server's time, for an honest client
 * to correct its clock once).
 * @example
 * const held = holderProven(seat, credentials, deps.secrets, clock());
 * if (!held.ok) return held;
 */
export function holderProven(
  seat: Seat,
  credentials: SeatCredentials,
  secrets: Secrets,
  now: Date,
): Result<true> {
  const unknown = fail("SEAT_NOT_FOUND", { seatId: seat.id });
  if (seat.deviceSecret === undefined) return holdsSeat(seat, credentials.secret) ? ok(true) : unknown;
  // Bound to this seat's id: a sealed secret copied to another seat's row does not open.
  const secret = openDeviceSecret(secrets, seat.deviceSecret, seat.id);
  if (!secret) return unknown;
  const request = { secret, path: credentials.path, body: credentials.body, proof: credentials.proof, now };
  // The signature first: only the holder may learn that its clock is off.
  if (!checkDeviceProof({ ...request, window: false }).ok) return unknown;
  if (checkDeviceProof(request).ok) return ok(true);
  return fail(
    "DEVICE_PROOF_INVALID",
    { reason: reason("PROOF_STALE") },
    { reason: "stale", serverTime: now.toISOString() },
  );
}
