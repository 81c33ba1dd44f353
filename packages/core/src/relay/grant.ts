import { createHash, type KeyObject } from "node:crypto";
import { fail, ok, type Result } from "../result.js";
import { type PublicKeys, type SigningKey, signCompactJws, verifyCompactJws } from "../signing/jws.js";
import { publicKeyFromJwk } from "../signing/keyPair.js";

/** The JWS `typ` of a volume grant: never taken for a lease, a report or anything else signed. */
export const VOLUME_GRANT_TYPE = "ninsho-volume-grant+jwt";

/** A relay's public key as a grant certifies it (Ed25519, RFC 8037). */
export interface RelayPublicKey {
  readonly kty: "OKP";
  readonly crv: "Ed25519";
  readonly x: string;
}

/**
 * What a volume grant says, signed by the product's key: this relay (its public key, `rky`) may admit up to
 * `max` devices of license `lic` between `nbf` and `exp`, leases renewed every `rnw` seconds and good offline for
 * `off` seconds. `iat` is a time anchor the relay's clock is never allowed to fall behind. Times in seconds.
 */
export interface VolumeGrantClaims {
  readonly iss: "ninsho";
  /** The grant (`vgr_…`): the relay's counters are bound to it. */
  readonly jti: string;
  /** The product (`prd_…`). */
  readonly aud: string;
  readonly lic: string;
  /** The customer's name, as the vendor knows them. */
  readonly cus: string;
  /** Most devices the relay may admit under this grant. */
  readonly max: number;
  /** Seconds between renewals a device is told to keep. */
  readonly rnw: number;
  /** Seconds a device keeps running from its last renewal when the relay is unreachable. */
  readonly off: number;
  readonly iat: number;
  readonly nbf: number;
  readonly exp: number;
  /** The relay key this grant certifies. */
  readonly rky: RelayPublicKey;
}

/**
 * The `kid` under which a relay signs: derived from its public key, so a grant names it without another field.
 * @example
 * relayKeyId({ kty: "OKP", crv: "Ed25519", x: "11qYAY…" }); // "relay_3f2a…"
 */
export const relayKeyId = (key: RelayPublicKey): string =>
  `relay_${createHash("sha256").update(key.x).digest("hex").slice(0, 16)}`;

/**
 * Sign a volume grant with the product's signing key (the vendor's side).
 * @example
 * const grant = signVolumeGrant(productKey, { iss: "ninsho", jti: newId("volumeGrant"), … });
 */
export const signVolumeGrant = (key: SigningKey, claims: VolumeGrantClaims): string =>
  signCompactJws(key, VOLUME_GRANT_TYPE, claims);

const isRelayKey = (v: unknown): v is RelayPublicKey =>
  v !== null &&
  typeof v === "object" &&
  (v as Record<string, unknown>).kty === "OKP" &&
  (v as Record<string, unknown>).crv === "Ed25519" &&
  typeof (v as Record<string, unknown>).x === "string";

const isGrantClaims = (value: unknown): value is VolumeGrantClaims => {
  if (value === null || typeof value !== "object") return false;
  const c = value as Record<string, unknown>;
  return (
    c.iss === "ninsho" &&
    ["jti", "aud", "lic", "cus"].every((k) => typeof c[k] === "string") &&
    ["max", "rnw", "off", "iat", "nbf", "exp"].every((k) => Number.isSafeInteger(c[k])) &&
    (c.max as number) > 0 &&
    isRelayKey(c.rky)
  );
};

/**
 * Verify a grant's signature against the vendor's keys and its shape (not its time: `grantInForce`), and, given
 * `productId`, that it is that product's. A forged or altered grant is RELAY_GRANT_INVALID with its `why`.
 * @example
 * const grant = verifyVolumeGrant(text, vendorKeys, "prd_01…");
 * if (!grant.ok) refuse(grant.error);
 */
export function verifyVolumeGrant(
  token: string,
  keys: PublicKeys,
  productId?: string,
): Result<VolumeGrantClaims> {
  const checked = verifyCompactJws(token.trim(), VOLUME_GRANT_TYPE, keys);
  if (!checked.ok) return fail("RELAY_GRANT_INVALID", { why: checked.reason });
  if (!isGrantClaims(checked.payload) || (productId !== undefined && checked.payload.aud !== productId))
    return fail("RELAY_GRANT_INVALID", { why: "claims" });
  return ok(checked.payload);
}

/**
 * Whether a grant is in force at `now`: RELAY_GRANT_NOT_YET_VALID before `nbf`, RELAY_GRANT_EXPIRED from `exp`.
 * @example
 * const inForce = grantInForce(grant, new Date());
 */
export function grantInForce(grant: VolumeGrantClaims, now: Date): Result<true> {
  const seconds = now.getTime() / 1000;
  if (seconds < grant.nbf)
    return fail("RELAY_GRANT_NOT_YET_VALID", {
      grantId: grant.jti,
      notBefore: new Date(grant.nbf * 1000).toISOString(),
    });
  if (seconds >= grant.exp)
    return fail("RELAY_GRANT_EXPIRED", {
      grantId: grant.jti,
      expiredAt: new Date(grant.exp * 1000).toISOString(),
    });
  return ok(true);
}

/**
 * The relay's key as the grant certifies it, by its `kid`: what a relay lease or usage report is verified with.
 * @example
 * const relayKeys = certifiedRelayKeys(grant);
 */
export const certifiedRelayKeys = (grant: VolumeGrantClaims): ReadonlyMap<string, KeyObject> =>
  new Map([[relayKeyId(grant.rky), publicKeyFromJwk(grant.rky)]]);
