import { reason } from "../errors/reasons.js";
import { fail, ok, type Result } from "../result.js";
import { type PublicKeys, type SigningKey, signCompactJws, verifyCompactJws } from "./jws.js";

/** The JWS `typ` of a lease, so a lease can never be replayed as another kind of signed object. */
export const LEASE_TYPE = "ninsho-lease+jwt";

/**
 * What a lease proves, as JWT claims. Times are seconds since the epoch, as JWT has them.
 * A verifier in any language checks the EdDSA signature against the product's JWKS and reads these.
 */
export interface LeaseClaims {
  /** Issuer: always `ninsho`. */
  readonly iss: "ninsho";
  /** The device the lease belongs to (`dev_…`). */
  readonly sub: string;
  /** The product it unlocks (`prd_…`). */
  readonly aud: string;
  /** License (`lic_…`). */
  readonly lic: string;
  /** Policy (`pol_…`). */
  readonly pol: string;
  /** Channel of the policy (`retail`, `oem`, …). */
  readonly chn: string;
  /** Entitlements granted. */
  readonly ent: string[];
  /** Digest of the device's component set at issue (see `fingerprintDigest`). */
  readonly fpd: string;
  /** Issued at. */
  readonly iat: number;
  /** Lease expiry: refresh before this; after it the app runs on grace. */
  readonly lxp: number;
  /** End of grace: the lease is worthless after this, as JWT's `exp` says. */
  readonly exp: number;
  /** The device's lease counter at issue; it only rises, so two running copies of one device reveal themselves. */
  readonly ctr: number;
  /** License expiry, when the license has one. */
  readonly lex?: number;
}

/** Sign a lease. */
export const signLease = (key: SigningKey, claims: LeaseClaims): string =>
  signCompactJws(key, LEASE_TYPE, claims);

const isLeaseClaims = (value: unknown): value is LeaseClaims => {
  if (value === null || typeof value !== "object") return false;
  const c = value as Record<string, unknown>;
  return (
    c.iss === "ninsho" &&
    ["sub", "aud", "lic", "pol", "chn", "fpd"].every((k) => typeof c[k] === "string") &&
    ["iat", "lxp", "exp", "ctr"].every((k) => typeof c[k] === "number") &&
    Array.isArray(c.ent) &&
    c.ent.every((e) => typeof e === "string") &&
    (c.lex === undefined || typeof c.lex === "number")
  );
};

/**
 * Verify a lease's signature and shape (not its times: whether it is still usable is the caller's decision,
 * since a server refreshes an expired lease where an app refuses it).
 */
export function verifyLease(token: string, keys: PublicKeys): Result<LeaseClaims> {
  const checked = verifyCompactJws(token, LEASE_TYPE, keys);
  if (!checked.ok) {
    const why = {
      malformed: reason("TOKEN_MALFORMED"),
      unknown_key: reason("TOKEN_UNKNOWN_KEY"),
      bad_signature: reason("TOKEN_BAD_SIGNATURE"),
      wrong_type: reason("TOKEN_NOT_LEASE"),
    }[checked.reason];
    return fail("LEASE_INVALID", { reason: why }, { reason: checked.reason });
  }
  if (!isLeaseClaims(checked.payload)) {
    return fail("LEASE_INVALID", { reason: reason("CLAIMS_INCOMPLETE") });
  }
  return ok(checked.payload);
}
