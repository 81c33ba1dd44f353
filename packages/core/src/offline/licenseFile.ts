import type { KeyObject } from "node:crypto";
import { type ReasonCode, reason } from "../errors/reasons.js";
import { fail, ok, type Result } from "../result.js";
import { type PublicKeys, type SigningKey, signCompactJws, verifyCompactJws } from "../signing/jws.js";
import { type LeaseClaims, verifyLease } from "../signing/lease.js";
import { isCompactJwe, openSealed } from "./jwe.js";
import { type OfflineRequest, offlineRequestDigest } from "./requestFile.js";

/**
 * A license file, version 1: a compact JWS (EdDSA, the product's signing key from its JWKS) of type
 * `ninsho-license-file+jwt` whose claims name the request it answers (`req`, its digest) and carry an ordinary
 * signed lease for the device. Sealed to the device (a compact JWE, see `jwe.ts`) when the request asked.
 */
export const LICENSE_FILE_TYPE = "ninsho-license-file+jwt";

export interface LicenseFileClaims {
  readonly iss: "ninsho";
  readonly ver: 1;
  /** The product (`prd_…`). */
  readonly aud: string;
  /** The device the server activated (`dev_…`). */
  readonly sub: string;
  /** The license (`lic_…`). */
  readonly lic: string;
  /** `offlineRequestDigest` of the request it answers. */
  readonly req: string;
  /** The device's lease: a compact JWS of type `ninsho-lease+jwt`, as an online activation returns. */
  readonly lease: string;
  /** Issued at, seconds since the epoch. */
  readonly iat: number;
}

/**
 * Sign a license file.
 * @example
 * const file = signLicenseFile(signingKey, claims); // write it to the USB stick
 */
export const signLicenseFile = (key: SigningKey, claims: LicenseFileClaims): string =>
  signCompactJws(key, LICENSE_FILE_TYPE, claims);

const isClaims = (value: unknown): value is LicenseFileClaims => {
  if (value === null || typeof value !== "object") return false;
  const c = value as Record<string, unknown>;
  return (
    c.iss === "ninsho" &&
    c.ver === 1 &&
    ["aud", "sub", "lic", "req", "lease"].every((k) => typeof c[k] === "string") &&
    typeof c.iat === "number"
  );
};

const invalid = (why: ReasonCode) => fail("LICENSE_FILE_INVALID", { reason: reason(why) });

/** What the device checks a license file against. */
export interface LicenseFileCheck {
  /** The file's text as it came (a JWS, or a JWE when sealed). */
  readonly file: string;
  /** The product's public keys (its JWKS). */
  readonly keys: PublicKeys;
  /** The request this machine wrote and kept. */
  readonly request: OfflineRequest;
  /** The private half of `request.encryptTo`, when the request asked for a sealed file. */
  readonly privateKey?: KeyObject;
}

/**
 * Open and check a license file on the machine that asked for it: sealed to it if it asked so, signed by the
 * product, answering this very request, with a lease for this product signed by the same keys. The lease is
 * then installed like one from an online activation.
 * @example
 * const read = readLicenseFile({ file, keys, request: pending.request, privateKey: pending.privateKey });
 * if (read.ok) saveLease(read.value.claims.lease);
 */
export function readLicenseFile(
  check: LicenseFileCheck,
): Result<{ readonly claims: LicenseFileClaims; readonly lease: LeaseClaims }> {
  let jws = check.file.trim();
  if (isCompactJwe(jws)) {
    if (!check.privateKey) return invalid("FILE_SEALED_NO_KEY");
    const opened = openSealed(jws, check.privateKey, LICENSE_FILE_TYPE);
    if (opened === undefined) return invalid("FILE_SEALED_ELSEWHERE");
    jws = opened;
  } else if (check.request.encryptTo !== undefined) {
    return invalid("FILE_NOT_SEALED");
  }
  const verified = verifyCompactJws(jws, LICENSE_FILE_TYPE, check.keys);
  if (!verified.ok) {
    return verified.reason === "bad_signature" || verified.reason === "unknown_key"
      ? invalid("FILE_BAD_SIGNATURE")
      : invalid("FILE_NOT_LICENSE_FILE");
  }
  const claims = verified.payload;
  if (!isClaims(claims)) return invalid("CLAIMS_INCOMPLETE");
  if (claims.aud !== check.request.productId) return invalid("FILE_OTHER_PRODUCT");
  if (claims.req !== offlineRequestDigest(check.request)) return invalid("FILE_OTHER_REQUEST");
  const lease = verifyLease(claims.lease, check.keys);
  if (
    !lease.ok ||
    lease.value.sub !== claims.sub ||
    lease.value.aud !== claims.aud ||
    lease.value.lic !== claims.lic
  )
    return invalid("FILE_LEASE_MISMATCH");
  return ok({ claims, lease: lease.value });
}
