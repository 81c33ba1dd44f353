export type {
  AccountPatch,
  AccountRecord,
  AccountTokenRecord,
  DeviceCodeRecord,
  DeviceCodeStatus,
  LicenseLink,
  LicenseLinkVia,
  OutboxMail,
  SessionRecord,
} from "./accountRecords.js";
export {
  assertSqliteIdle,
  backupSqlite,
  inspectSqliteBackup,
  restoreSqlite,
  type SqliteBackupInfo,
} from "./backup.js";
export type {
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
  WebhookRepository,
} from "./contracts.js";
export type {
  AuditFilter,
  DeliveryAttempt,
  DeliveryStatus,
  ProductPatch,
  SeatRenewal,
  WebhookDeliveryRecord,
  WebhookEndpointPatch,
  WebhookEndpointRecord,
} from "./records.js";
export type { AuditEvent } from "./repositories/audit.js";
export type { DevicePatch } from "./repositories/devices.js";
export type { Dialect } from "./repositories/executor.js";
export type { IssuedLicense, LicenseFilter, LicensePatch } from "./repositories/licenses.js";
export type { OfflineActivationRecord, OfflineKeyRecord } from "./repositories/offline.js";
export {
  KyselyRateLimitRepository,
  RATE_LIMIT_KEY_MAX,
  type RateLimitRepository,
  type WindowCount,
} from "./repositories/rateLimits.js";
export type { Database } from "./schema.js";
export { createStore, isPostgresUrl, type Repositories, type Store, type StoreOptions } from "./store.js";
export type {
  SupportRequestKind,
  SupportRequestRecord,
  SupportRequestRepository,
  TransferCodeRecord,
  TransferCodeRepository,
} from "./transferRecords.js";
