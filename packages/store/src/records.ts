/**
 * The records the repositories take and give besides the domain's own types (patches, filters, offline
 * records, audit entries), apart from both the interfaces (`contracts.ts`) and their Kysely implementation.
 */
import type {
  BoundComponent,
  Component,
  Device,
  EntitlementChanges,
  License,
  LicenseOverrides,
  LicenseStatus,
  SeatKind,
  WarrantyRepair,
} from "@ninsho/core";

/** One change to the server itself (not to a license), e.g. `token.recovered`. */
export interface AuditEvent {
  readonly id: string;
  readonly type: string;
  /** Who did it, e.g. `operator:alice@build-7` for a command run on the server machine. */
  readonly actor: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
  /** What it is about (`pol_…`, `lic_…`, `tok_…`, `prd_…`, `whk_…`); absent for the server itself. */
  readonly target?: string;
  /** Why, in the actor's words. */
  readonly reason?: string;
}

/** Which audit entries to read: about one target, after an id (paging), at most `limit`. */
export interface AuditFilter {
  readonly target?: string;
  readonly type?: string;
  readonly after?: string;
  readonly limit?: number;
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
  /** The digest of the lease just issued to the device (see `Device.leaseDigest`). */
  readonly leaseDigest?: string;
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

/** What an admin may change on a product; `archivedAt: null` restores it. */
export interface ProductPatch {
  readonly name?: string;
  readonly archivedAt?: string | null;
  /** The whole new phone feature list (the caller checked that it only appends). */
  readonly phoneFeatures?: readonly string[];
}

/** Fields an admin action or an activation may change; expiry and reason may be cleared with `null`. */
export interface LicensePatch {
  readonly status?: LicenseStatus;
  readonly statusReason?: string | null;
  readonly firstActivatedAt?: string;
  readonly expiresAt?: string | null;
  readonly ownerEmail?: string | null;
  /** Move the license to another policy of its product. */
  readonly policyId?: string;
  /** Its overrides of the policy (`null`: none left). */
  readonly overrides?: LicenseOverrides | null;
  /** Channel state (see core `License`): `null` clears. */
  readonly consumedBy?: string | null;
  readonly baseLicenseId?: string | null;
  readonly boundComponent?: BoundComponent | null;
  readonly warrantyRepair?: WarrantyRepair | null;
  readonly entitlementChanges?: EntitlementChanges | null;
  readonly pastDueSince?: string | null;
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
  /** The new holder's sealed device secret (null: a seat kept by its bearer secret from now on). */
  readonly deviceSecret?: string | null;
}

/** A webhook endpoint as stored: its signing secret sealed under the master key, never in clear. */
export interface WebhookEndpointRecord {
  readonly id: string;
  readonly url: string;
  readonly description?: string;
  /** Event types it receives; a `prefix.*` entry takes every type of that prefix, `*` every event. */
  readonly eventTypes: readonly string[];
  readonly sealedSecret: string;
  readonly createdAt: string;
  readonly disabledAt?: string;
  /** Since when its deliveries have failed without one success in between; absent while it answers. */
  readonly failingSince?: string;
  readonly consecutiveFailures: number;
}

/** What changes on an endpoint: its settings, or its failure streak after an attempt. */
export interface WebhookEndpointPatch {
  readonly url?: string;
  readonly eventTypes?: readonly string[];
  readonly disabledAt?: string | null;
  readonly failingSince?: string | null;
  readonly consecutiveFailures?: number;
}

export const deliveryStatuses = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** One event to one endpoint: the delivery log's row. */
export interface WebhookDeliveryRecord {
  readonly id: string;
  readonly endpointId: string;
  readonly eventId: string;
  readonly eventType: string;
  /** The exact JSON body sent (and signed). */
  readonly payload: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt?: string;
  readonly lastAttemptAt?: string;
  readonly lastStatus?: number;
  readonly lastError?: string;
  readonly deliveredAt?: string;
  readonly createdAt: string;
}

/** The result of one attempt, written back to its delivery. */
export interface DeliveryAttempt {
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastAttemptAt: string;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly deliveredAt: string | null;
}
