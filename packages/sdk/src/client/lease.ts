import { type KeyObject, verify } from "node:crypto";
import { fromBase64Url, type LeaseClaims, verifyLease } from "@ninsho/core";
import type { KeySet } from "./publicKeys.js";

/**
 * A lease whose signature verified, kept with the exact bytes that were signed and the key that signed them,
 * so checking it again costs one Ed25519 verification and nothing else (the hot path of `validate()`).
 *
 * @example
 * const prepared = prepareLease(token, keys, productId);
 * if (prepared.ok) console.log(new Date(prepared.lease.leaseExpiresAtMs));
 */
export interface PreparedLease {
  readonly token: string;
  readonly claims: LeaseClaims;
  readonly key: KeyObject;
  readonly signingInput: Buffer;
  readonly signature: Buffer;
  /** Instants in milliseconds, converted once. */
  readonly issuedAtMs: number;
  readonly leaseExpiresAtMs: number;
  readonly graceEndsAtMs: number;
}

/**
 * Why a lease was refused. `corrupt`: not a well-formed lease (a damaged file). `tampered`: well formed, but
 * not signed by this product's key, or a genuine lease of another product or device. `cause` says which check
 * failed (for a reason worded by the catalogue); `reason` is the same for logs, in English.
 *
 * @example
 * const refusal: LeaseRefusal = { kind: "tampered", cause: "signature", reason: "its signature does not verify" };
 */
export type LeaseRefusal = {
  readonly kind: "corrupt" | "tampered";
  readonly cause: "malformed" | "signature" | "product" | "device" | "times";
  readonly reason: string;
};

const headerKid = (token: string): string | undefined => {
  try {
    const header: unknown = JSON.parse(fromBase64Url(token.split(".")[0] ?? "").toString("utf8"));
    if (header === null || typeof header !== "object") return undefined;
    const kid = (header as Record<string, unknown>).kid;
    return typeof kid === "string" ? kid : undefined;
  } catch {
    return undefined;
  }
};

const timesAreSane = (c: LeaseClaims): boolean =>
  [c.iat, c.lxp, c.exp].every(Number.isFinite) && c.iat <= c.lxp && c.lxp <= c.exp;

/**
 * Verify a lease with the product's keys and check it is this product's (and, when known, this device's).
 * Uses core's `verifyLease`, so the SDK accepts exactly what every other Ninsho verifier accepts.
 *
 * @example
 * const prepared = prepareLease(readFileSync("lease.jwt", "utf8"), keys, "prd_01…", "dev_01…");
 * if (!prepared.ok) console.log(prepared.refusal.kind); // "corrupt" | "tampered"
 */
export function prepareLease(
  token: string,
  keys: KeySet,
  productId: string,
  deviceId?: string,
): { ok: true; lease: PreparedLease } | { ok: false; refusal: LeaseRefusal } {
  const kid = headerKid(token.trim());
  if (kid === undefined)
    return { ok: false, refusal: { kind: "corrupt", cause: "malformed", reason: "not a well-formed lease" } };
  const compact = token.trim();
  let lastReason = "it was signed by a key this product does not know";
  for (const key of keys.candidates(kid)) {
    const checked = verifyLease(compact, new Map([[kid, key]]));
    if (!checked.ok) {
      const reason = (checked.error.details as { reason?: string } | undefined)?.reason;
      if (reason === "malformed" || reason === undefined) {
        return {
          ok: false,
          refusal: { kind: "corrupt", cause: "malformed", reason: "not a well-formed lease" },
        };
      }
      lastReason = reason === "bad_signature" ? "its signature does not verify" : `it is refused (${reason})`;
      continue;
    }
    const claims = checked.value;
    if (claims.aud !== productId) {
      const reason = `it is a lease of product ${claims.aud}`;
      return { ok: false, refusal: { kind: "tampered", cause: "product", reason } };
    }
    if (deviceId !== undefined && claims.sub !== deviceId) {
      const reason = `it is a lease of device ${claims.sub}`;
      return { ok: false, refusal: { kind: "tampered", cause: "device", reason } };
    }
    if (!timesAreSane(claims))
      return {
        ok: false,
        refusal: { kind: "corrupt", cause: "times", reason: "its times are inconsistent" },
      };
    const [header64, body64, signature64] = compact.split(".");
    return {
      ok: true,
      lease: {
        token: compact,
        claims,
        key,
        signingInput: Buffer.from(`${header64}.${body64}`),
        signature: fromBase64Url(signature64 ?? ""),
        issuedAtMs: claims.iat * 1000,
        leaseExpiresAtMs: claims.lxp * 1000,
        graceEndsAtMs: claims.exp * 1000,
      },
    };
  }
  return { ok: false, refusal: { kind: "tampered", cause: "signature", reason: lastReason } };
}

/**
 * Check a prepared lease's signature again: one Ed25519 verification over bytes kept from the first check.
 *
 * @example
 * if (!leaseSignatureHolds(prepared)) report("STATE_TAMPERED");
 */
export const leaseSignatureHolds = (lease: PreparedLease): boolean =>
  verify(null, lease.signingInput, lease.key, lease.signature);
