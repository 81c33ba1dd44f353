/**
 * The tables as Kysely sees them. One schema serves SQLite and PostgreSQL, so it keeps to what both share:
 * text ids, ISO-8601 text instants (they sort as they read), integers for booleans, JSON as text.
 */
export interface Database {
  products: ProductsTable;
  signing_keys: SigningKeysTable;
  policies: PoliciesTable;
  licenses: LicensesTable;
  devices: DevicesTable;
  events: EventsTable;
  admin_tokens: AdminTokensTable;
  settings: SettingsTable;
  license_short_ids: LicenseShortIdsTable;
  offline_keys: OfflineKeysTable;
  offline_activations: OfflineActivationsTable;
  rate_limits: RateLimitsTable;
  admin_audit: AdminAuditTable;
  seats: SeatsTable;
  accounts: AccountsTable;
  account_tokens: AccountTokensTable;
  sessions: SessionsTable;
  account_licenses: AccountLicensesTable;
  outbox: OutboxTable;
  device_codes: DeviceCodesTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_outbox: WebhookOutboxTable;
  webhook_deliveries: WebhookDeliveriesTable;
  billing_events: BillingEventsTable;
  transfer_codes: TransferCodesTable;
  support_requests: SupportRequestsTable;
  trial_marks: TrialMarksTable;
  daily_counts: DailyCountsTable;
}

export interface ProductsTable {
  id: string;
  name: string;
  created_at: string;
  archived_at?: string | null | undefined;
  /** JSON array: the ordered phone feature list (see core `phoneFeatures.ts`). */
  phone_features?: string | null | undefined;
}

export interface SigningKeysTable {
  kid: string;
  product_id: string;
  public_jwk: string;
  sealed_private_key: string;
  created_at: string;
  /** When it starts signing (published before, so apps can ship it); `null`: from `created_at`. */
  active_from: string | null;
  /** When it stopped (or stops) signing; it verifies what it signed for ever. */
  retired_at: string | null;
}

export interface PoliciesTable {
  id: string;
  product_id: string;
  name: string;
  channel: string;
  max_devices: number;
  lease_seconds: number;
  grace_seconds: number;
  expiry_kind: string;
  expiry_at: string | null;
  expiry_seconds: number | null;
  match_threshold: number;
  component_weights: string;
  transferable: number;
  transfers_per_year: number;
  /** Migration 0016; `null`: no cool-down. */
  transfer_cooldown_seconds: number | null;
  entitlements: string;
  base_policy_id: string | null;
  created_at: string;
  /** Seat channels: `{ seats, heartbeatTimeoutSeconds, overage?, borrowMaxDays? }` as JSON; null otherwise. */
  seat_rules: string | null;
  /** When an admin archived it: it keeps its licenses and takes no new ones. */
  archived_at?: string | null | undefined;
  /** When an admin last edited it; the edit reaches its licenses at their next lease. */
  updated_at?: string | null | undefined;
  /** `{ bundleComponent?, graceAfterPaymentFailureDays? }` as JSON; null when the policy sets neither. */
  channel_rules: string | null;
}

export interface LicensesTable {
  id: string;
  product_id: string;
  policy_id: string;
  /** HMAC of the canonical key under a master-derived secret: the lookup, useless without the master key. */
  key_digest: string;
  /** The key sealed under the master key, for an admin who must read it again. */
  sealed_key: string;
  key_hint: string;
  status: string;
  status_reason: string | null;
  owner_email: string | null;
  base_license_id: string | null;
  created_at: string;
  first_activated_at: string | null;
  expires_at: string | null;
  /** Overrides of the policy for this license alone (core's `LicenseOverrides` as JSON); null: none. */
  overrides?: string | null | undefined;
  /** A base license consumed by an upgrade: the upgrade's id. */
  consumed_by: string | null;
  /** OEM and bundle: `{ kind, digests }` (keyed digests) as JSON. */
  bound_component: string | null;
  /** A pending warranty repair `{ at, actor, reason }` as JSON. */
  warranty_repair: string | null;
  /** `{ add, remove }` as JSON. */
  entitlement_changes: string | null;
  past_due_since: string | null;
}

/** One keyed digest of a machine anchor that ran a trial of a product (see `trialMarks` in core). */
export interface TrialMarksTable {
  product_id: string;
  mark: string;
  license_id: string;
  created_at: string;
}

export interface DevicesTable {
  id: string;
  license_id: string;
  name: string;
  platform: string;
  collector: string;
  components: string;
  fingerprint_digest: string;
  lease_issued: number;
  lease_issued_from: number;
  /** Epoch seconds of the last stale lease presented (first strike of fork detection), if any. */
  lease_suspected_at: number | string | null;
  /** Counter of the stale lease that raised that suspicion. */
  lease_suspected_ctr: number | string | null;
  /** Counter of the first lease of the current lineage (leases below it are superseded); 0: never re-activated. */
  lease_lineage_from: number | string;
  lease_issued_at: string;
  activated_at: string;
  last_seen_at: string;
  deactivated_at: string | null;
  /** When two live copies of the device were established (DEVICE_FORKED on every path until resolved). */
  forked_at: string | null;
  /** The device's Ed25519 public key, base64url (device proof); null on a device without one. */
  /** The device secret, sealed under the master key (never in clear). */
  device_secret: string | null;
  /** SHA-256 of the lease last issued with its state (the server's `LeaseIssuer.digest`); null: none yet. */
  lease_digest: string | null;
}

export interface EventsTable {
  id: string;
  license_id: string;
  type: string;
  actor: string;
  reason: string | null;
  data: string;
  created_at: string;
}

export interface AdminTokensTable {
  id: string;
  name: string;
  role: string;
  token_digest: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}

/** A license's short id (derived from its key, unique), which names it in installation IDs and request files. */
export interface LicenseShortIdsTable {
  /** Below 2^40; PostgreSQL's driver returns bigints as strings, so read it through `Number`. */
  short_id: number;
  license_id: string;
}

/** A product's number (1 … 65535) and its BLS key pair for confirmation IDs, the secret sealed. */
export interface OfflineKeysTable {
  product_id: string;
  product_number: number;
  public_key: string;
  sealed_secret_key: string;
  created_at: string;
}

/** The answer given to one offline request, by request id (`iid:<data digits>` or `file:<digest>`). */
export interface OfflineActivationsTable {
  request_id: string;
  license_id: string;
  device_id: string;
  method: string;
  answer: string;
  created_at: string;
}

/** Rate-limit counters (`RateLimitRepository`): a fixed window per key, `expire` its end in epoch ms. */
export interface RateLimitsTable {
  key: string;
  points: number;
  /** Epoch milliseconds; PostgreSQL's driver returns bigints as strings. */
  expire: number | string | null;
}

export interface AdminAuditTable {
  id: string;
  type: string;
  actor: string;
  data: string;
  created_at: string;
  /** What the entry is about (`pol_…`, `lic_…`, `tok_…`, `prd_…`, `whk_…`); null for the server itself. */
  target?: string | null | undefined;
  /** Why, in the actor's words. */
  reason?: string | null | undefined;
}

export interface WebhookEndpointsTable {
  id: string;
  url: string;
  description: string | null;
  /** JSON array of event types (`license.*` style prefixes allowed); `["*"]`: every event. */
  event_types: string;
  sealed_secret: string;
  created_at: string;
  disabled_at: string | null;
  failing_since: string | null;
  consecutive_failures: number;
}

export interface WebhookOutboxTable {
  /** The first event's id (ids sort by time). */
  id: string;
  /** JSON array of the ids of the events appended together. */
  event_ids: string;
  created_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  payload: string;
  /** `pending` (due at `next_attempt_at`), `delivered`, or `failed` (gave up after the last attempt). */
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface BillingEventsTable {
  /** `<source>:<the sender's event id>`. */
  id: string;
  license_id: string | null;
  kind: string;
  received_at: string;
}

/** One check-out of a seat (see core's `Seat`): held while not returned and `expires_at` is ahead. */
export interface SeatsTable {
  id: string;
  license_id: string;
  kind: string;
  holder: string;
  name: string;
  platform: string;
  secret_digest: string;
  overage: number;
  checked_out_at: string;
  heartbeat_at: string;
  expires_at: string;
  ends_by: string | null;
  returned_at: string | null;
  /**
   * The holder's device secret sealed under the master key (bound to the seat's id), when it registered one at
   * check-out: heartbeats and returns then need its device proof (migration 0018).
   */
  device_secret: string | null;
}

/** End-user accounts (migration 0009): the email normalised and unique, the password as a scrypt hash. */
export interface AccountsTable {
  id: string;
  email: string;
  password_hash: string;
  language: string;
  created_at: string;
  email_verified_at: string | null;
  password_changed_at: string;
  totp_secret_sealed: string | null;
  totp_pending_sealed: string | null;
  totp_enabled_at: string | null;
  /** Bigint; PostgreSQL's driver returns it as a string. */
  totp_last_step: number | string | null;
}

/** One-time tokens of accounts by digest: verification and reset links, sign-in challenges, recovery codes. */
export interface AccountTokensTable {
  digest: string;
  account_id: string;
  purpose: string;
  created_at: string;
  expires_at: string | null;
  used_at: string | null;
}

/** Signed-in sessions by the digest of their cookie's token. */
export interface SessionsTable {
  digest: string;
  account_id: string;
  created_at: string;
  expires_at: string;
}

/** Licenses linked to an account by their key (one account per license). */
export interface AccountLicensesTable {
  license_id: string;
  account_id: string;
  via: string;
  linked_at: string;
}

/** Mail kept for the operator when no SMTP server is configured; the message sealed under the master key. */
export interface OutboxTable {
  id: string;
  to_address: string;
  template: string;
  language: string;
  sealed_message: string;
  created_at: string;
}

/** Device-code sign-ins (migration 0012), by the digest of the device's code; the user code is unique. */
export interface DeviceCodesTable {
  digest: string;
  user_code: string;
  product_id: string;
  status: string;
  created_at: string;
  expires_at: string;
  account_id: string | null;
  license_id: string | null;
}

/** Codes mailed to a license's owner to prove a transfer with the key (migration 0016): one live code a license. */
export interface TransferCodesTable {
  license_id: string;
  digest: string;
  attempts: number;
  created_at: string;
  expires_at: string;
}

/** Requests to support opened by a refused self-service step, with their context as JSON (migration 0016). */
export interface SupportRequestsTable {
  id: string;
  license_id: string;
  account_id: string | null;
  kind: string;
  status: string;
  context: string;
  created_at: string;
}

/** A count per name and UTC day (e.g. validations), added to in batches. */
export interface DailyCountsTable {
  name: string;
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  /** PostgreSQL's driver returns bigints as strings. */
  count: number | string;
}
