import type { KeyObject } from "node:crypto";
import { reason } from "../errors/reasons.js";
import { isMatchRule, type MatchRule } from "../matching/binding.js";
import { fail, ok, type Result } from "../result.js";
import { fromBase64Url } from "./base64url.js";
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
  /** The policy's match rule, so a device checks `fpd` against its machine as the server would (`leaseBinding`). */
  readonly fpm?: MatchRule;
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
    (c.lex === undefined || typeof c.lex === "number") &&
    (c.fpm === undefined || isMatchRule(c.fpm))
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

/** A key that verifies leases, and what it may verify: one product's, signed before the key was retired. */
export interface LeaseVerifier {
  readonly key: KeyObject;
  /** The product whose key it is: a lease it signed must name this product (`aud`). */
  readonly productId: string;
  /** When it stopped signing (epoch ms): a lease it claims to have signed in a later second is forged. */
  readonly retiredAt?: number;
}

const headerKid = (token: string): string | undefined => {
  try {
    const header = JSON.parse(fromBase64Url(token.split(".")[0] ?? "").toString("utf8")) as { kid?: unknown };
    return typeof header.kid === "string" ? header.kid : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Verify a lease as `verifyLease` does, then hold its key to what the key may sign: a lease for one product
 * signed with another product's key (one key leaked or misused must never unlock another product), or dated
 * after its key was retired (a retired key that leaked later must sign nothing new that is believed), is
 * LEASE_INVALID. Given `productId`, the lease must also be that product's.
 * @example
 * const claims = verifyProductLease(token, new Map([[kid, { key, productId: "prd_01…" }]]), "prd_01…");
 */
export function verifyProductLease(
  token: string,
  verifiers: ReadonlyMap<string, LeaseVerifier>,
  productId?: string,
): Result<LeaseClaims> {
  const kid = headerKid(token);
  const verifier = kid === undefined ? undefined : verifiers.get(kid);
  const keys: PublicKeys = new Map(
    kid === undefined || verifier === undefined ? [] : [[kid, verifier.key] as const],
  );
  const checked = verifyLease(token, keys);
  if (!checked.ok || verifier === undefined) return checked;
  const claims = checked.value;
  if (claims.aud !== verifier.productId || (productId !== undefined && claims.aud !== productId))
    return fail(
      "LEASE_INVALID",
      { reason: reason("TOKEN_OTHER_PRODUCT_KEY") },
      { reason: "other_product_key" },
    );
  // To the second, as `iat` has it: a lease signed in the very second its key retired is still the key's own.
  if (verifier.retiredAt !== undefined && claims.iat > Math.floor(verifier.retiredAt / 1000)) {
    const retiredAt = new Date(verifier.retiredAt).toISOString();
    return fail(
      "LEASE_INVALID",
      { reason: reason("TOKEN_KEY_RETIRED", { retiredAt }) },
      { reason: "key_retired" },
    );
  }
  return checked;
}
