import { reason } from "../errors/reasons.js";
import { fail, ok, type Result } from "../result.js";
import { type PublicKeys, type SigningKey, signCompactJws, verifyCompactJws } from "../signing/jws.js";
import { certifiedRelayKeys, type VolumeGrantClaims, verifyVolumeGrant } from "./grant.js";

/** The JWS `typ` of a lease a relay signs: never taken for a vendor's lease. */
export const RELAY_LEASE_TYPE = "ninsho-relay-lease+jwt";

/**
 * What a relay lease proves: device `sub` holds slot `slt` of grant `gid` (admitted as the `seq`-th device), may
 * run until `exp` without reaching the relay and should renew by `lxp`. Seconds since the epoch.
 */
export interface RelayLeaseClaims {
  readonly iss: "ninsho-relay";
  /** The device (`dev_…`), as the relay named it. */
  readonly sub: string;
  readonly aud: string;
  readonly lic: string;
  /** The grant it is issued under. */
  readonly gid: string;
  /** The device's slot, 1…max: no two devices hold one slot. */
  readonly slt: number;
  /** The admission's place in the relay's chain: a relay whose records end below it was restored. */
  readonly seq: number;
  /** When the device was admitted: of two devices holding one slot after a restore, the earlier keeps it. */
  readonly adt: number;
  /** Digest of the device's component set (`fingerprintDigest`). */
  readonly fpd: string;
  readonly iat: number;
  /** Renew by. */
  readonly lxp: number;
  /** Runs offline until. */
  readonly exp: number;
}

/**
 * A relay lease as a device keeps it: the lease and the grant that certifies the relay's key.
 * @example
 * const held: RelayLease = { lease, grant };
 */
export interface RelayLease {
  readonly lease: string;
  readonly grant: string;
}

/**
 * Sign a relay lease with the relay's key (`kid` = `relayKeyId` of its public key).
 * @example
 * const lease = signRelayLease(relayKey, claims);
 */
export const signRelayLease = (key: SigningKey, claims: RelayLeaseClaims): string =>
  signCompactJws(key, RELAY_LEASE_TYPE, claims);

const isRelayLeaseClaims = (value: unknown): value is RelayLeaseClaims => {
  if (value === null || typeof value !== "object") return false;
  const c = value as Record<string, unknown>;
  return (
    c.iss === "ninsho-relay" &&
    ["sub", "aud", "lic", "gid", "fpd"].every((k) => typeof c[k] === "string") &&
    ["slt", "seq", "adt", "iat", "lxp", "exp"].every((k) => Number.isSafeInteger(c[k]))
  );
};

/**
 * Verify a relay lease up the chain: the grant by the vendor's keys (and product), the lease by the relay key
 * the grant certifies, the lease bound to that grant and within it. Times are the caller's to compare.
 * @example
 * const chain = verifyRelayLease({ lease, grant }, vendorKeys, "prd_01…");
 * if (chain.ok && chain.value.lease.exp * 1000 > Date.now()) run();
 */
export function verifyRelayLease(
  held: RelayLease,
  vendorKeys: PublicKeys,
  productId?: string,
): Result<{ readonly grant: VolumeGrantClaims; readonly lease: RelayLeaseClaims }> {
  const grant = verifyVolumeGrant(held.grant, vendorKeys, productId);
  if (!grant.ok) return grant;
  const checked = verifyCompactJws(held.lease, RELAY_LEASE_TYPE, certifiedRelayKeys(grant.value));
  if (!checked.ok) return fail("LEASE_INVALID", { reason: reason(tokenReason(checked.reason)) });
  const lease = checked.payload;
  if (
    !isRelayLeaseClaims(lease) ||
    lease.gid !== grant.value.jti ||
    lease.aud !== grant.value.aud ||
    lease.lic !== grant.value.lic ||
    lease.exp > grant.value.exp ||
    lease.slt > grant.value.max
  )
    return fail("LEASE_INVALID", { reason: reason("CLAIMS_INCOMPLETE") });
  return ok({ grant: grant.value, lease });
}

const tokenReason = (why: "malformed" | "unknown_key" | "bad_signature" | "wrong_type") =>
  (
    ({
      malformed: "TOKEN_MALFORMED",
      unknown_key: "TOKEN_UNKNOWN_KEY",
      bad_signature: "TOKEN_BAD_SIGNATURE",
      wrong_type: "TOKEN_NOT_LEASE",
    }) as const
  )[why];
