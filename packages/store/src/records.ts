/**
 * The records the repositories take and give besides the domain's own types (patches, filters, offline
 * records, audit entries), apart from both the interfaces (`contracts.ts`) and their Kysely implementation.
 */
import type { Component, Device, License, LicenseStatus, SeatKind } from "@ninsho/core";

/** One change to the server itself (not to a license), e.g. `token.recovered`. */
export interface AuditEvent {
  readonly id: string;
  readonly type: string;
  /** Who did it, e.g. `operator:alice@build-7` for a command run on the server machine. */
  readonly actor: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
}

/** Fields that change when a device is recognised, refreshed, renamed or deactivated. */
export interface DevicePatch {
  readonly name?: string;
  readonly platform?: string;
  readonly collector?: string;
  readonly components?: readonly Component[];
  readonly fingerprintDigest?: string;
  readonly leaseCounters?: Device["leaseCounters"];
  readonly leaseIssuedAt?: string;
  readonly lastSeenAt?: string;
  readonly deactivatedAt?: string;
  readonly forkedAt?: string;
  /** A device secret registered or replaced, sealed (device proof, see `deviceProof.ts` in core). */
  readonly deviceSecret?: string;
}

/** A license as issued: the domain license plus how its key is kept (a lookup digest and a sealed copy). */
export interface IssuedLicense extends License {
  readonly keyDigest: string;
  readonly sealedKey: string;
}

/** Filters for listing licenses; all optional, combined with AND. Pages by id (`after`). */
export interface LicenseFilter {
  readonly productId?: string;
  readonly policyId?: string;
  readonly status?: LicenseStatus;
  readonly ownerEmail?: string;
  readonly after?: string;
  readonly limit?: number;
}

/** Fields an admin action or an activation may change; expiry and reason may be cleared with `null`. */
export interface LicensePatch {
  readonly status?: LicenseStatus;
  readonly statusReason?: string | null;
  readonly firstActivatedAt?: string;
  readonly expiresAt?: string | null;
  readonly ownerEmail?: string | null;
}

/** A product's number and offline (BLS) key pair as stored: the secret scalar sealed under the master key. */
export interface OfflineKeyRecord {
  readonly productId: string;
  /** 1 … 65535, unique on this server; it names the product in installation IDs. */
  readonly productNumber: number;
  /** The G2 public key, base64url (see `encodeOfflinePublicKey`). */
  readonly publicKey: string;
  /** The secret scalar (hex) sealed with `seal(…, productId)`. */
  readonly sealedSecretKey: string;
  readonly createdAt: string;
}

/** The answer given to one offline request, kept so the same request always gets the same answer. */
export interface OfflineActivationRecord {
  /** `iid:<installation ID data digits>` or `file:<request digest>`. */
  readonly requestId: string;
  readonly licenseId: string;
  readonly deviceId: string;
  readonly method: "phone" | "file";
  /** What was answered (confirmation ID and terms, or the signed license file). */
  readonly answer: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
}

/** What a heartbeat or a second check-out of the same holder changes on a seat. */
export interface SeatRenewal {
  readonly heartbeatAt: string;
  readonly expiresAt: string;
  readonly kind?: SeatKind;
  readonly endsBy?: string;
  /** A new secret: the holder checked out again (it may have lost the old one in a crash). */
  readonly secretDigest?: string;
  /** The new holder's device key (null: a seat kept by its secret from now on). */
  readonly deviceKey?: string | null;
}
