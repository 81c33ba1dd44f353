import { reason } from "../errors/reasons.js";
import { fail, ok, type Result } from "../result.js";
import { type PublicKeys, type SigningKey, signCompactJws, verifyCompactJws } from "./jws.js";

/** The JWS `typ` of a seat lease: never taken for a device lease or any other signed object. */
export const SEAT_LEASE_TYPE = "ninsho-seat+jwt";

/**
 * What a seat lease proves, as JWT claims (seconds since the epoch): this seat of this license is held until
 * `exp`. Short for a heartbeating seat (the heartbeat timeout), days for a borrowed one.
 */
export interface SeatLeaseClaims {
  readonly iss: "ninsho";
  /** The seat (`seat_…`). */
  readonly sub: string;
  /** The product (`prd_…`). */
  readonly aud: string;
  readonly lic: string;
  readonly pol: string;
  /** `floating` or `workload`. */
  readonly chn: string;
  /** `floating`, `workload` or `borrowed`. */
  readonly knd: string;
  /** Digest of who holds it (keyed fingerprint digest, or of the workload identity). */
  readonly hld: string;
  readonly ent: string[];
  readonly iat: number;
  /** The seat lapses at this instant unless renewed. */
  readonly exp: number;
}

/**
 * Sign a seat lease.
 * @example
 * const token = signSeatLease(key, { iss: "ninsho", sub: "seat_…", aud: "prd_…", … });
 */
export const signSeatLease = (key: SigningKey, claims: SeatLeaseClaims): string =>
  signCompactJws(key, SEAT_LEASE_TYPE, claims);

const isSeatLeaseClaims = (value: unknown): value is SeatLeaseClaims => {
  if (value === null || typeof value !== "object") return false;
  const c = value as Record<string, unknown>;
  return (
    c.iss === "ninsho" &&
    ["sub", "aud", "lic", "pol", "chn", "knd", "hld"].every((k) => typeof c[k] === "string") &&
    ["iat", "exp"].every((k) => typeof c[k] === "number") &&
    Array.isArray(c.ent) &&
    c.ent.every((e) => typeof e === "string")
  );
};

/**
 * Verify a seat lease's signature and shape (not its time: the caller compares `exp` with its clock).
 * @example
 * const claims = verifySeatLease(token, publicKeys);
 * if (claims.ok && claims.value.exp * 1000 > Date.now()) run();
 */
export function verifySeatLease(token: string, keys: PublicKeys): Result<SeatLeaseClaims> {
  const checked = verifyCompactJws(token, SEAT_LEASE_TYPE, keys);
  if (!checked.ok) {
    const why = {
      malformed: reason("TOKEN_MALFORMED"),
      unknown_key: reason("TOKEN_UNKNOWN_KEY"),
      bad_signature: reason("TOKEN_BAD_SIGNATURE"),
      wrong_type: reason("TOKEN_NOT_LEASE"),
    }[checked.reason];
    return fail("LEASE_INVALID", { reason: why }, { reason: checked.reason });
  }
  if (!isSeatLeaseClaims(checked.payload))
    return fail("LEASE_INVALID", { reason: reason("CLAIMS_INCOMPLETE") });
  return ok(checked.payload);
}
