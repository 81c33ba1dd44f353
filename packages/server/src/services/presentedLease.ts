import {
  type Device,
  fromBase64Url,
  isRecord,
  type LeaseClaims,
  type License,
  sameBytes,
} from "@ninsho/core";
import type { ServerDeps } from "../deps.js";

/** A lease the server recognised as its own current one: its claims, and the device and license they name. */
export interface CurrentLease {
  readonly claims: LeaseClaims;
  readonly found: { readonly device: Device; readonly license: License };
}

/**
 * Recognise the presented lease as the very token the server would issue its device now, without verifying
 * its Ed25519 signature (a verify costs two to three times a sign) and mostly without signing either: the
 * device row's digest of its issued lease, or else the issuer's cache, spares the sign. `undefined` when it is not (an older lease of the lineage, another key's, a forgery, garbage):
 * the caller then verifies it as before, so every refusal keeps its code and reason.
 *
 * Why this proves what `verifyProductLease` proves: a lease is a pure function of stored state (the device
 * row, its license, the policy) and of the signing key, and Ed25519 is deterministic, so `LeaseIssuer.lease`
 * re-creates the device's current token byte for byte (or returns it from its cache: a token it signed). The
 * untrusted `sub` and `kid` only choose what to re-create; only byte equality, in constant time, is trusted.
 * An equal token therefore carries a valid signature of the key `signingKeyFor` picks now: a key of the
 * license's product (so not `other_product_key`), not retired now, and dated no later than now (checked below,
 * so not `key_retired` either). Its claims are the ones we signed, and the caller holds them to the device and
 * license exactly as it holds verified claims; its counter is the device's current one.
 */
export async function currentLease(deps: ServerDeps, token: string): Promise<CurrentLease | undefined> {
  const [header, payload] = token.split(".");
  const claims = untrusted(payload);
  const kid = untrusted(header)?.kid;
  if (typeof claims?.sub !== "string" || typeof kid !== "string") return undefined;
  const found = await deps.store.devices.findWithLicense(claims.sub);
  if (!found) return undefined;
  const { device, license } = found;
  // A lease dated ahead of the clock is not one we issue now (and could postdate a retirement): verify it.
  if (Date.parse(device.leaseIssuedAt) > deps.clock().getTime()) return undefined;
  const key = await deps.keyring.signingKeyFor(license.productId);
  const policy = await deps.policies.forLicense(license);
  // Another key signed it (a lease from before a rotation, or a forgery): signing ours to compare is waste.
  if (!key || key.kid !== kid || !policy) return undefined;
  const state = deps.leases.stateKey(key, license, policy, device);
  if (storedDigestMatches(deps, device, state, token)) {
    // The answer re-sends this very lease when nothing changes: from the cache, not signed again.
    deps.leases.recognised(state, token, license, policy, device);
  } else {
    if (!sameBytes(deps.leases.lease(key, license, policy, device).token, token)) return undefined;
  }
  // The bytes are the ones we signed: their claims are the issuer's, complete and well-formed.
  return { claims: claims as unknown as LeaseClaims, found };
}

/**
 * Whether the token is the one the device's row says was issued for its state now: the row keeps SHA-256 over
 * the issuer's state key and the token it issued (`LeaseIssuer.digest`), so equal digests under today's state
 * key mean the same state and the same bytes (SHA-256 collision resistance), the token `lease` returns for it
 * (from its cache, or signed again: byte-equal). One hash instead of a signature; a row without a digest, or
 * with one of an older state (a refresh, a policy edit, a key rotation), fails and the caller re-creates it.
 * The database is trusted here as for every other fact about the device; the presented token is not.
 */
function storedDigestMatches(deps: ServerDeps, device: Device, state: string, token: string): boolean {
  if (device.leaseDigest === undefined) return false;
  return sameBytes(device.leaseDigest, deps.leases.digest(state, token));
}

/** A base64url JSON object of a compact JWS, read without any trust (`undefined` when it is not one). */
function untrusted(part: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(fromBase64Url(part ?? "").toString("utf8"));
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
