import { type Kysely, sql } from "kysely";
import type {
  AccountLicenseRepository,
  AccountRepository,
  AccountTokenRepository,
  AuditRepository,
  BillingEventRepository,
  DailyCountRepository,
  DeviceCodeRepository,
  DeviceRepository,
  EventRepository,
  LicenseRepository,
  OfflineRepository,
  OutboxRepository,
  PolicyRepository,
  ProductRepository,
  SeatRepository,
  SettingsRepository,
  TokenRepository,
  TrialMarkRepository,
  WebhookRepository,
} from "./contracts.js";
import { openPostgres } from "./dialects/postgres.js";
import { openSqlite } from "./dialects/sqlite.js";
import { GroupCommit } from "./groupCommit.js";
import { migrateToLatest } from "./migrate.js";
import { KyselyAccountLicenseRepository, KyselyOutboxRepository } from "./repositories/accountLicenses.js";
import { KyselyAccountRepository } from "./repositories/accounts.js";
import { KyselyAccountTokenRepository } from "./repositories/accountTokens.js";
import { KyselyAuditRepository } from "./repositories/audit.js";
import { KyselyDailyCountRepository } from "./repositories/dailyCounts.js";
import { KyselyDeviceCodeRepository } from "./repositories/deviceCodes.js";
import { KyselyDeviceRepository } from "./repositories/devices.js";
import { KyselyEventRepository } from "./repositories/events.js";
import type { Dialect, Direct } from "./repositories/executor.js";
import { KyselyLicenseRepository } from "./repositories/licenses.js";
import { KyselyOfflineRepository } from "./repositories/offline.js";
import { KyselyPolicyRepository } from "./repositories/policies.js";
import { KyselyProductRepository } from "./repositories/products.js";
import { KyselyRateLimitRepository, type RateLimitRepository } from "./repositories/rateLimits.js";
import { KyselySeatRepository } from "./repositories/seats.js";
import { KyselySettingsRepository } from "./repositories/settings.js";
import { KyselyTokenRepository } from "./repositories/tokens.js";
import { KyselySupportRequestRepository, KyselyTransferCodeRepository } from "./repositories/transfers.js";
import { KyselyTrialMarkRepository } from "./repositories/trialMarks.js";
import { KyselyBillingEventRepository, KyselyWebhookRepository } from "./repositories/webhooks.js";
import { retryAborted } from "./retry.js";
import type { Database } from "./schema.js";
import type { SupportRequestRepository, TransferCodeRepository } from "./transferRecords.js";

/**
 * Every repository, bound to one database handle or one transaction. Each is an interface (`contracts.ts`):
 * a test double or another backend implements them; the Kysely classes are the SQLite and PostgreSQL one.
 */
export interface Repositories {
  readonly products: ProductRepository;
  readonly policies: PolicyRepository;
  readonly licenses: LicenseRepository;
  readonly devices: DeviceRepository;
  readonly events: EventRepository;
  readonly tokens: TokenRepository;
  readonly settings: SettingsRepository;
  readonly offline: OfflineRepository;
  readonly audit: AuditRepository;
  readonly seats: SeatRepository;
  /** Rate-limit counters every server process on this database shares. */
  readonly rateLimits: RateLimitRepository;
  /** End-user accounts, their one-time tokens and sessions, their licenses, and the mail outbox. */
  readonly accounts: AccountRepository;
  readonly accountTokens: AccountTokenRepository;
  readonly accountLicenses: AccountLicenseRepository;
  readonly outbox: OutboxRepository;
  readonly deviceCodes: DeviceCodeRepository;
  /** Outbound webhooks (endpoints, outbox, delivery log) and inbound billing events already applied. */
  readonly webhooks: WebhookRepository;
  readonly billingEvents: BillingEventRepository;
  /** Codes that prove a transfer made with the key, and the support requests a refused transfer opens. */
  readonly transferCodes: TransferCodeRepository;
  readonly supportRequests: SupportRequestRepository;
  /** Machines that ran a trial, per product (one trial per machine). */
  readonly trialMarks: TrialMarkRepository;
  /** Counts per UTC day of what is too frequent to keep as events (validations). */
  readonly dailyCounts: DailyCountRepository;
}

/** The storage interface the server uses; SQLite and PostgreSQL both stand behind it. */
export interface Store extends Repositories {
  readonly dialect: Dialect;
  /** True when one process owns the database (SQLite), so an in-process cache of its rows stays correct. */
  readonly singleWriterProcess: boolean;
  /**
   * Run `work` in one transaction; everything it writes commits together or not at all. On PostgreSQL a
   * transaction aborted as a deadlock victim or a serialization failure is run again (up to 4 times), so `work`
   * must do nothing but database work. On SQLite, transactions asked for together share one commit (see
   * `groupCommit.ts`); each still runs alone and resolves only once its writes are on disk. `work` must not
   * open another transaction.
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Apply the migrations this database lacks (safe from several processes at once); their names. */
  migrate(): Promise<string[]>;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Where the data lives: a `postgres://` URL, or a SQLite file path (`:memory:` for tests). */
export interface StoreOptions {
  readonly url: string;
  /** PostgreSQL pool size for this process. */
  readonly poolSize?: number;
}

/** `direct`: the SQLite read connection for hot reads, given to the store's own repositories, never a transaction's. */
const bind = (db: Kysely<Database>, dialect: Dialect, direct?: Direct): Repositories => ({
  products: new KyselyProductRepository(db),
  policies: new KyselyPolicyRepository(db),
  licenses: new KyselyLicenseRepository(db, dialect, direct),
  devices: new KyselyDeviceRepository(db, dialect, direct),
  events: new KyselyEventRepository(db, dialect),
  tokens: new KyselyTokenRepository(db),
  settings: new KyselySettingsRepository(db),
  offline: new KyselyOfflineRepository(db),
  audit: new KyselyAuditRepository(db),
  seats: new KyselySeatRepository(db),
  rateLimits: new KyselyRateLimitRepository(db),
  accounts: new KyselyAccountRepository(db),
  accountTokens: new KyselyAccountTokenRepository(db),
  accountLicenses: new KyselyAccountLicenseRepository(db),
  outbox: new KyselyOutboxRepository(db),
  deviceCodes: new KyselyDeviceCodeRepository(db),
  webhooks: new KyselyWebhookRepository(db),
  billingEvents: new KyselyBillingEventRepository(db),
  transferCodes: new KyselyTransferCodeRepository(db),
  supportRequests: new KyselySupportRequestRepository(db),
  trialMarks: new KyselyTrialMarkRepository(db),
  dailyCounts: new KyselyDailyCountRepository(db),
});

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

/**
 * Open a store. Nothing is migrated until `migrate()` is called.
 * @example
 * const store = createStore({ url: "./data/ninsho.db" });
 * await store.migrate();
 */
export function createStore(options: StoreOptions): Store {
  const dialect: Dialect = isPostgresUrl(options.url) ? "postgres" : "sqlite";
  const { db, direct, close } =
    dialect === "postgres"
      ? { db: openPostgres(options.url, options.poolSize), close: undefined }
      : openSqlite(options.url);
  const group = dialect === "sqlite" ? new GroupCommit(db) : undefined;
  return {
    ...bind(db, dialect, direct),
    dialect,
    singleWriterProcess: dialect === "sqlite",
    transaction: (work) => {
      if (group) return group.run((tx) => work(bind(tx, dialect)));
      return retryAborted(() => db.transaction().execute((tx) => work(bind(tx, dialect))));
    },
    migrate: async () => {
      const result = await migrateToLatest(db);
      return (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
    },
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: async () => {
      await close?.(); // the side writer's pending writes first: they run on the main writer's lock
      await db.destroy();
    },
  };
}
