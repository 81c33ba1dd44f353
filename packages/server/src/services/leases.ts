import { createHash } from "node:crypto";
import {
  type Device,
  effectiveEntitlements,
  type LeaseWindow,
  type License,
  leaseWindow,
  type Policy,
  type SigningKey,
  signLease,
} from "@ninsho/core";

/** A lease as handed to a device: the token and its instants. */
export interface IssuedLease {
  readonly token: string;
  readonly issuedAt: string;
  readonly leaseExpiresAt: string;
  readonly graceEndsAt: string;
}

/** A lease just issued and the digest the device's row keeps of it (`LeaseIssuer.digest`). */
export interface Issued {
  readonly lease: IssuedLease;
  readonly digest: string;
}

const CACHE_LIMIT = 50_000;
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Builds leases from a device's stored state. A lease is a pure function of the device row (counter, issue
 * time), the license and the policy, and Ed25519 is deterministic, so re-sending the current lease re-creates
 * the very same token: we keep recent tokens in a bounded cache instead of signing them again.
 */
export class LeaseIssuer {
  private readonly cache = new Map<string, IssuedLease>();

  /** `sign`: how a lease's claims become a token (core's `signLease`; a test counts the signatures). */
  constructor(private readonly sign: typeof signLease = signLease) {}

  /** A refresh issues a new lease once this share of the current one has passed; before that it re-sends it. */
  static readonly REISSUE_FRACTION = 0.25;

  isDue(device: Device, policy: Policy, now: Date): boolean {
    // An admin edited the policy since this lease: the next refresh carries the new rules (issue 13).
    if (policy.updatedAt !== undefined && policy.updatedAt >= device.leaseIssuedAt) return true;
    const age = now.getTime() - Date.parse(device.leaseIssuedAt);
    return age >= Math.max(60_000, policy.leaseSeconds * 1000 * LeaseIssuer.REISSUE_FRACTION);
  }

  /**
   * Everything a lease is made of besides the signature, as one string: the key, the device's lease state, the
   * license's expiry and entitlement changes, the policy (an admin edit moves `updatedAt`) and the license's
   * overrides of it. Equal states make byte-equal tokens (Ed25519 is deterministic): the cache's key, and what
   * the device row's digest is taken over.
   */
  stateKey(key: SigningKey, license: License, policy: Policy, device: Device): string {
    // A license's own entitlements and overrides are rare: only then do they join the key.
    const changes = license.entitlementChanges ? JSON.stringify(license.entitlementChanges) : "";
    const overrides = license.overrides ? JSON.stringify(license.overrides) : "";
    return `${key.kid}|${device.id}|${device.leaseCounters.issued}|${device.leaseIssuedAt}|${license.expiresAt ?? ""}|${device.fingerprintDigest}|${changes}|${policy.id}|${policy.updatedAt ?? ""}|${overrides}`;
  }

  /**
   * The digest a device row keeps of the lease issued to it (`Device.leaseDigest`): SHA-256 over the state key
   * and the token. A presented token whose digest under the device's state now equals the stored one is the
   * token issued for that very state, so the one `lease` would return now (see `presentedLease.ts`).
   */
  digest(stateKey: string, token: string): string {
    return createHash("sha256").update(stateKey).update("\n").update(token).digest("base64url");
  }

  /** The lease for a device as it is now, and the digest its row keeps of it. */
  issue(key: SigningKey, license: License, policy: Policy, device: Device): Issued {
    const state = this.stateKey(key, license, policy, device);
    const lease = this.signed(state, key, license, policy, device);
    return { lease, digest: this.digest(state, lease.token) };
  }

  lease(key: SigningKey, license: License, policy: Policy, device: Device): IssuedLease {
    return this.signed(this.stateKey(key, license, policy, device), key, license, policy, device);
  }

  private signed(
    cacheKey: string,
    key: SigningKey,
    license: License,
    policy: Policy,
    device: Device,
  ): IssuedLease {
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const window: LeaseWindow = leaseWindow(policy, license, new Date(device.leaseIssuedAt));
    const token = this.sign(key, {
      iss: "ninsho",
      sub: device.id,
      aud: license.productId,
      lic: license.id,
      pol: policy.id,
      chn: policy.channel,
      ent: effectiveEntitlements(policy, license),
      fpd: device.fingerprintDigest,
      iat: seconds(window.issuedAt),
      lxp: seconds(window.leaseExpiresAt),
      exp: seconds(window.graceEndsAt),
      ctr: device.leaseCounters.issued,
      fpm: { t: policy.matchThreshold, w: policy.componentWeights },
      ...(license.expiresAt === undefined ? {} : { lex: seconds(new Date(license.expiresAt)) }),
    });
    return this.keep(cacheKey, token, window);
  }

  /**
   * Keep a token known to be the one this state makes (its digest matched the device row's: `presentedLease.ts`)
   * as if it had just been signed, so the answer that re-sends it costs no signature either.
   */
  recognised(stateKey: string, token: string, license: License, policy: Policy, device: Device): void {
    if (this.cache.has(stateKey)) return;
    this.keep(stateKey, token, leaseWindow(policy, license, new Date(device.leaseIssuedAt)));
  }

  private keep(cacheKey: string, token: string, window: LeaseWindow): IssuedLease {
    const issued: IssuedLease = {
      token,
      issuedAt: window.issuedAt.toISOString(),
      leaseExpiresAt: window.leaseExpiresAt.toISOString(),
      graceEndsAt: window.graceEndsAt.toISOString(),
    };
    if (this.cache.size >= CACHE_LIMIT) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(cacheKey, issued);
    return issued;
  }
}
