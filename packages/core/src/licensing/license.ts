import type { Problem } from "../result.js";
import type { LeaseCounters } from "./leaseCounter.js";
import type { LicenseOverrides } from "./overrides.js";

export const licenseStatuses = ["active", "suspended", "revoked"] as const;
/** What an admin set. Expiry is not a status: it follows from time and is computed by `licenseState`. */
export type LicenseStatus = (typeof licenseStatuses)[number];

/** One right to use a product under a policy, identified by a product key. */
export interface License {
  readonly id: string;
  readonly productId: string;
  readonly policyId: string;
  readonly status: LicenseStatus;
  /** Why it was suspended or revoked, as the admin wrote it. */
  readonly statusReason?: string;
  /** Last group of the key, enough for a person to tell keys apart on a screen. */
  readonly keyHint: string;
  readonly ownerEmail?: string;
  /** For upgrade licenses: the license whose right this one builds on (named at its first activation). */
  readonly baseLicenseId?: string;
  /** A base license consumed by an upgrade: the upgrade's id. It is refused by itself (LICENSE_UPGRADED) meanwhile. */
  readonly consumedBy?: string;
  /** OEM and bundle licenses: the component they are bound to, taken from their first device (see `binding.ts`). */
  readonly boundComponent?: BoundComponent;
  /** A warranty repair support recorded and the next activation has not used yet: it rebinds once. */
  readonly warrantyRepair?: WarrantyRepair;
  /** Features this license adds to or removes from its policy's entitlements (see `entitlements.ts`). */
  readonly entitlementChanges?: EntitlementChanges;
  /** Subscriptions: when a payment failed and was not yet made good; the license runs until `expiresAt` (grace). */
  readonly pastDueSince?: string;
  readonly createdAt: string;
  readonly firstActivatedAt?: string;
  /** ISO instant after which the license is expired; absent for perpetual licenses. */
  readonly expiresAt?: string;
  /** What an admin changed on this license alone; decisions read `effectivePolicy(policy, license)`. */
  readonly overrides?: LicenseOverrides;
}

/** The component an OEM or bundle license is bound to: its kind and the keyed digests of its first device. */
export interface BoundComponent {
  readonly kind: string;
  readonly digests: readonly string[];
}

/** A warranty repair recorded by support: who, when and why; the next activation rebinds the license once. */
export interface WarrantyRepair {
  readonly at: string;
  readonly actor: string;
  readonly reason: string;
}

/** Named features a license adds to its policy's, and removes from them. */
export interface EntitlementChanges {
  readonly add: readonly string[];
  readonly remove: readonly string[];
}

/** A machine holding an activation on a license. */
export interface Device {
  readonly id: string;
  readonly licenseId: string;
  readonly name: string;
  readonly platform: string;
  readonly collector: string;
  readonly components: { readonly kind: string; readonly digest: string }[];
  readonly fingerprintDigest: string;
  /** Counters of the device's leases, for fork detection (see `leaseCounter.ts`). */
  readonly leaseCounters: LeaseCounters;
  /** When the newest lease was issued; a refresh before it is due returns that same lease. */
  readonly leaseIssuedAt: string;
  readonly activatedAt: string;
  readonly lastSeenAt: string;
  readonly deactivatedAt?: string;
  /**
   * When two live copies of this device were established (see `leaseCounter.ts`). It stays until a transfer
   * moves the license off the device or support deactivates it: every path answers DEVICE_FORKED meanwhile.
   */
  readonly forkedAt?: string;
  /**
   * The device's secret (see `deviceProof.ts`), sealed under the server's master key: made on the device at
   * activation; requests that act as the device carry an HMAC by it. Absent on a device activated before
   * device secrets (it registers one at its next refresh by lease) or by a client that sends none.
   */
  readonly deviceSecret?: string;
  /**
   * SHA-256 of the lease last issued to this device with the state it was issued from (the server's
   * `LeaseIssuer.digest`): recognising that lease again is then one hash instead of a signature. A digest of
   * an older state simply fails to match; it proves nothing on its own and is never shown.
   */
  readonly leaseDigest?: string;
}

/** The state a license is in at an instant, as a client sees it. */
export type LicenseState = "active" | "suspended" | "revoked" | "expired";

export function licenseState(license: License, now: Date): LicenseState {
  if (license.status !== "active") return license.status;
  if (license.expiresAt !== undefined && now.getTime() >= Date.parse(license.expiresAt)) return "expired";
  return "active";
}

/** The refusal for a license that cannot be used now, or `undefined` when it can. */
export function licenseRefusal(license: License, now: Date): Problem | undefined {
  const reason = license.statusReason ?? "—";
  switch (licenseState(license, now)) {
    case "active":
      // A base consumed by an upgrade lives on in the upgrade (story 7): it never runs beside it.
      if (license.consumedBy !== undefined)
        return { code: "LICENSE_UPGRADED", params: { upgradeId: license.consumedBy } };
      return undefined;
    case "suspended":
      return { code: "LICENSE_SUSPENDED", params: { reason } };
    case "revoked":
      return { code: "LICENSE_REVOKED", params: { reason } };
    case "expired":
      // A subscription whose grace after a failed payment ran out says so, not merely "expired".
      if (license.pastDueSince !== undefined)
        return { code: "SUBSCRIPTION_PAST_DUE", params: { graceEndedAt: license.expiresAt ?? "—" } };
      return { code: "LICENSE_EXPIRED", params: { expiredAt: license.expiresAt ?? "—" } };
  }
}
