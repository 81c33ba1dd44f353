/**
 * What a storage backend implements: one interface per repository. The server reaches the database only
 * through these (see `Repositories` and `Store`), so a test double or a new backend implements them and
 * nothing else; the Kysely classes in `repositories/` are the SQLite and PostgreSQL implementation.
 */
import type {
  AdminToken,
  Component,
  Device,
  EventType,
  License,
  LicenseEvent,
  Policy,
  Product,
  Seat,
  SigningKeyRecord,
} from "@ninsho/core";
import type {
  AccountPatch,
  AccountRecord,
  AccountTokenRecord,
  DeviceCodeRecord,
  LicenseLink,
  OutboxMail,
  SessionRecord,
} from "./accountRecords.js";
import type {
  AuditEvent,
  AuditFilter,
  DeliveryAttempt,
  DeliveryStatus,
  DevicePatch,
  IssuedLicense,
  LicenseFilter,
  LicensePatch,
  OfflineActivationRecord,
  OfflineKeyRecord,
  ProductPatch,
  SeatRenewal,
  WebhookDeliveryRecord,
  WebhookEndpointPatch,
  WebhookEndpointRecord,
} from "./records.js";

/** Products and their signing keys (public JWK and sealed private key). */
export interface ProductRepository {
  insert(product: Product): Promise<void>;
  findById(id: string): Promise<Product | undefined>;
  list(): Promise<Product[]>;
  update(id: string, patch: ProductPatch): Promise<void>;
  insertSigningKey(key: SigningKeyRecord): Promise<void>;
  /** Every signing key, of one product or all, oldest first. */
  listSigningKeys(productId?: string): Promise<SigningKeyRecord[]>;
  retireSigningKey(kid: string, at: string): Promise<void>;
  /** Retire, at `at`, every key of a product but `exceptKid` that is not retired yet; their kids. */
  retireSigningKeysAt(productId: string, exceptKid: string, at: string): Promise<string[]>;
}

/** License templates. */
export interface PolicyRepository {
  insert(policy: Policy): Promise<void>;
  findById(id: string): Promise<Policy | undefined>;
  list(productId?: string): Promise<Policy[]>;
  /** Write an edited policy (every field but id, product, channel and creation time). */
  update(policy: Policy): Promise<void>;
}

/** Licenses, found by id or by the keyed digest of their product key. */
export interface LicenseRepository {
  insertMany(licenses: readonly IssuedLicense[]): Promise<void>;
  findById(id: string): Promise<License | undefined>;
  findByKeyDigest(keyDigest: string): Promise<License | undefined>;
  /** The license, its row locked until the transaction ends (every decision about its devices takes it). */
  lockById(id: string): Promise<License | undefined>;
  /** The product key sealed under the master key, for an admin who must read it again. */
  sealedKey(id: string): Promise<string | undefined>;
  list(filter?: LicenseFilter): Promise<License[]>;
  update(id: string, patch: LicensePatch): Promise<void>;
  count(): Promise<number>;
}

/** The machines activated on licenses. */
export interface DeviceRepository {
  insert(device: Device): Promise<void>;
  findById(id: string): Promise<Device | undefined>;
  /** A device and its license in one lookup: what a validation by lease reads. */
  findWithLicense(id: string): Promise<{ device: Device; license: License } | undefined>;
  /** The devices holding an activation on a license now. */
  listActive(licenseId: string): Promise<Device[]>;
  /** Every device a license ever had, deactivated ones included. */
  listAll(licenseId: string): Promise<Device[]>;
  /**
   * The newest `forkedAt` among every device the license ever had, deactivated ones included (a fork outlives
   * its resolution here: the activation guard after a fork reads it), or `undefined` when none ever forked.
   */
  lastForkAt(licenseId: string): Promise<string | undefined>;
  /** Devices' components by id, a page at a time (`afterId` exclusive), for a pass over every device. */
  componentsPage(
    afterId: string,
    limit: number,
  ): Promise<{ readonly id: string; readonly components: Component[] }[]>;
  /** Replace a device's components only if they are still `from` (compare and set); true when replaced. */
  replaceComponents(id: string, from: readonly Component[], to: readonly Component[]): Promise<boolean>;
  update(id: string, patch: DevicePatch): Promise<void>;
  /** Devices named `name` (case ignored), deactivated ones included, at most `limit`: support's search. */
  findByName(name: string, limit: number): Promise<Device[]>;
  /** How many licenses have n active devices, for every n ≥ 1 that occurs. */
  activeDeviceHistogram(): Promise<{ devices: number; licenses: number }[]>;
  /** Record when devices were last seen, many at once (never moving a time backwards). */
  touchMany(seen: ReadonlyMap<string, string>): Promise<void>;
}

/** The append-only timeline of every license: no update, no delete. */
export interface EventRepository {
  append(...events: readonly LicenseEvent[]): Promise<void>;
  /** A license's timeline, oldest first. */
  listByLicense(licenseId: string, options?: { after?: string; limit?: number }): Promise<LicenseEvent[]>;
  /** Events of some types for a license since an instant (e.g. transfers in the last 365 days). */
  listTypesSince(licenseId: string, types: readonly EventType[], since: string): Promise<LicenseEvent[]>;
  /** Events of some types of every license since an instant, newest first, at most `limit` (the console's charts). */
  listAllTypesSince(types: readonly EventType[], since: string, limit: number): Promise<LicenseEvent[]>;
  /** Events by id, oldest first (what a webhook outbox row names). */
  findMany(ids: readonly string[]): Promise<LicenseEvent[]>;
}

/** Admin tokens, kept by digest only. */
export interface TokenRepository {
  insert(token: AdminToken, digest: string): Promise<void>;
  findByDigest(digest: string): Promise<AdminToken | undefined>;
  findById(id: string): Promise<AdminToken | undefined>;
  list(): Promise<AdminToken[]>;
  /**
   * Inside a transaction, wait until no other transaction is changing which admin tokens are live, and keep
   * them waiting until this one ends: one guard row, upserted (so locked) first. Locking the live token rows
   * instead is not enough: two revocations lock different rows and each still sees the other's token live.
   */
  guardRevocations(): Promise<void>;
  revoke(id: string, at: string): Promise<void>;
  touch(id: string, at: string): Promise<void>;
}

/** Small named values the server keeps about itself. */
export interface SettingsRepository {
  get(key: string): Promise<string | undefined>;
  /** Set a value only if it is not set yet; true when this call set it. */
  setIfAbsent(key: string, value: string): Promise<boolean>;
  set(key: string, value: string): Promise<void>;
}

/** Counts per UTC day of things too frequent to keep as events (the server's validations). */
export interface DailyCountRepository {
  /** Add `count` to `name`'s count of `day` (`YYYY-MM-DD`): one upsert, whoever else adds at the same time. */
  add(name: string, day: string, count: number): Promise<void>;
  /** `name`'s counts from `sinceDay` on, by day (days with no count are absent). */
  list(name: string, sinceDay: string): Promise<{ day: string; count: number }[]>;
}

/** Short ids, products' offline keys, and the answers given to offline requests. */
export interface OfflineRepository {
  insertShortIds(rows: readonly { shortId: number; licenseId: string }[]): Promise<void>;
  takenShortIds(shortIds: readonly number[]): Promise<Set<number>>;
  findLicenseByShortId(shortId: number): Promise<License | undefined>;
  shortIdOf(licenseId: string): Promise<number | undefined>;
  licensesWithoutShortId(limit: number): Promise<{ id: string; sealedKey: string }[]>;
  /** Store a product's offline key unless it has one; true when this call stored it. */
  insertKeyIfAbsent(record: OfflineKeyRecord): Promise<boolean>;
  findKey(productId: string): Promise<OfflineKeyRecord | undefined>;
  findKeyByNumber(productNumber: number): Promise<OfflineKeyRecord | undefined>;
  findActivation(requestId: string): Promise<OfflineActivationRecord | undefined>;
  insertActivation(record: OfflineActivationRecord): Promise<void>;
}

/** The server's own audit log (changes to the server, not to a license): append-only. */
export interface AuditRepository {
  append(event: AuditEvent): Promise<void>;
  list(filter?: AuditFilter): Promise<AuditEvent[]>;
}

/**
 * Seats of floating and workload licenses. A check-out decides with the license row locked
 * (`LicenseRepository.lockById`) so concurrent check-outs never exceed the pool; whether a seat is held is
 * read from its instants (`listHeld(…, now)`), never from a flag a timer must clear.
 */
export interface SeatRepository {
  insert(seat: Seat): Promise<void>;
  findById(id: string): Promise<Seat | undefined>;
  /** Seats of a license not returned and expiring after `now`, oldest first. */
  listHeld(licenseId: string, now: string): Promise<Seat[]>;
  /** How many seats of a license are held at `now` (what a check-out decides on, without reading them). */
  countHeld(licenseId: string, now: string): Promise<number>;
  /** The seat `holder` holds on a license at `now`, if any. */
  findHeldBy(licenseId: string, holder: string, now: string): Promise<Seat | undefined>;
  /** Seats of a license checked out before `to` and expiring after `from` (returned ones too), for usage. */
  listOverlapping(licenseId: string, from: string, to: string): Promise<Seat[]>;
  renew(id: string, patch: SeatRenewal): Promise<void>;
  /** Return a seat (a seat already returned keeps its first return time). */
  markReturned(id: string, at: string): Promise<void>;
  /** Delete a license's seats that ended (lapsed, or returned and lapsed) before `before`; how many went. */
  pruneEnded(licenseId: string, before: string): Promise<number>;
}

/** End-user accounts, by id or normalised email. */
export interface AccountRepository {
  /** Store a new account unless its email has one; true when this call stored it. */
  insertIfAbsent(account: AccountRecord): Promise<boolean>;
  findById(id: string): Promise<AccountRecord | undefined>;
  findByEmail(email: string): Promise<AccountRecord | undefined>;
  update(id: string, patch: AccountPatch): Promise<void>;
  /** Record the TOTP step just used, only if it is later than the last one (compare and set); true when set. */
  useTotpStep(id: string, step: number): Promise<boolean>;
}

/** One-time tokens and sessions of accounts, kept by digest only. */
export interface AccountTokenRepository {
  insert(token: AccountTokenRecord): Promise<void>;
  /** A token of a purpose, used or not. */
  find(digest: string, purpose: AccountTokenRecord["purpose"]): Promise<AccountTokenRecord | undefined>;
  /**
   * Use a token once: atomically mark it used if it is unused and unexpired at `at`; its account when this call
   * used it, `undefined` otherwise (two racing uses: one wins).
   */
  use(digest: string, purpose: AccountTokenRecord["purpose"], at: string): Promise<string | undefined>;
  /** Mark every unused token of a purpose of an account used (a new reset link voids the older ones). */
  voidAll(accountId: string, purpose: AccountTokenRecord["purpose"], at: string): Promise<void>;
  /** Unused, unexpired tokens of a purpose (recovery codes left). */
  countUsable(accountId: string, purpose: AccountTokenRecord["purpose"], at: string): Promise<number>;
  insertSession(session: SessionRecord): Promise<void>;
  findSession(digest: string): Promise<SessionRecord | undefined>;
  deleteSession(digest: string): Promise<void>;
  /** End every session of an account (password reset, second factor turned off). */
  deleteSessionsOf(accountId: string): Promise<void>;
}

/** Licenses linked to accounts by key (links by email follow from `licenses.owner_email`). */
export interface AccountLicenseRepository {
  /** Link a license unless it is linked already; the link that stands afterwards (this one or the earlier). */
  link(link: LicenseLink): Promise<LicenseLink>;
  findByLicense(licenseId: string): Promise<LicenseLink | undefined>;
  listByAccount(accountId: string): Promise<LicenseLink[]>;
}

/** Mails waiting for the operator when no SMTP server is configured. */
export interface OutboxRepository {
  insert(mail: OutboxMail): Promise<void>;
  /** Newest first. */
  list(limit: number): Promise<OutboxMail[]>;
  findById(id: string): Promise<OutboxMail | undefined>;
}

/** Device-code sign-ins (`ninsho device activate --account`), by the digest of the device code. */
export interface DeviceCodeRepository {
  insert(code: DeviceCodeRecord): Promise<void>;
  findByDigest(digest: string): Promise<DeviceCodeRecord | undefined>;
  findByUserCode(userCode: string): Promise<DeviceCodeRecord | undefined>;
  /** Approve a pending, unexpired code for a license (compare and set); true when this call approved it. */
  approve(digest: string, accountId: string, licenseId: string, at: string): Promise<boolean>;
  /** Hand an approved code out once (compare and set); true when this call did. */
  markUsed(digest: string): Promise<boolean>;
}

/** Webhook endpoints, the outbox the event log fills in the same transaction, and the delivery log. */
export interface WebhookRepository {
  insertEndpoint(endpoint: WebhookEndpointRecord): Promise<void>;
  findEndpoint(id: string): Promise<WebhookEndpointRecord | undefined>;
  listEndpoints(): Promise<WebhookEndpointRecord[]>;
  updateEndpoint(id: string, patch: WebhookEndpointPatch): Promise<void>;
  peekOutbox(limit: number): Promise<{ id: string; eventIds: string[] }[]>;
  takeOutbox(id: string): Promise<boolean>;
  /** Remove these outbox rows at once (when no endpoint takes events); how many were still there. */
  dropOutbox(ids: readonly string[]): Promise<number>;
  insertDeliveries(deliveries: readonly WebhookDeliveryRecord[]): Promise<void>;
  dueDeliveries(now: string, limit: number): Promise<WebhookDeliveryRecord[]>;
  claimDelivery(id: string, dueAt: string, until: string): Promise<boolean>;
  recordAttempt(id: string, attempt: DeliveryAttempt): Promise<void>;
  requeueDelivery(id: string, at: string): Promise<void>;
  findDelivery(id: string): Promise<WebhookDeliveryRecord | undefined>;
  listDeliveries(
    endpointId: string,
    options?: { status?: DeliveryStatus; before?: string; limit?: number },
  ): Promise<WebhookDeliveryRecord[]>;
}

/** Billing events already applied (idempotency by the sender's event id). */
export interface BillingEventRepository {
  insertIfAbsent(row: { id: string; licenseId: string | null; kind: string; at: string }): Promise<boolean>;
}

/** Machines that ran a trial of a product, by keyed anchor digest (see `trialMarks` in core). */
export interface TrialMarkRepository {
  /** The licenses that left any of `marks` for the product. */
  takenBy(productId: string, marks: readonly string[]): Promise<string[]>;
  /** Remember `marks` for the license; a mark already kept stays with the license that left it first. */
  record(productId: string, marks: readonly string[], licenseId: string, at: string): Promise<void>;
}
