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
  /** For upgrade licenses: the license whose right this one builds on. */
  readonly baseLicenseId?: string;
  readonly createdAt: string;
  readonly firstActivatedAt?: string;
  /** ISO instant after which the license is expired; absent for perpetual licenses. */
  readonly expiresAt?: string;
  /** What an admin changed on this license alone; decisions read `effectivePolicy(policy, license)`. */
  readonly overrides?: LicenseOverrides;
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
      return undefined;
    case "suspended":
      return { code: "LICENSE_SUSPENDED", params: { reason } };
    case "revoked":
      return { code: "LICENSE_REVOKED", params: { reason } };
    case "expired":
      return { code: "LICENSE_EXPIRED", params: { expiredAt: license.expiresAt ?? "—" } };
  }
}
