import { chmodSync, closeSync, existsSync, openSync } from "node:fs";
import Database from "better-sqlite3";

/** A relay's database: one SQLite file, mode 0600, beside its keys. */
export type RelayDb = Database.Database;

/** One admitted device as the relay keeps it (its secret sealed, its hardware only as a digest). */
export interface DeviceRow {
  readonly id: string;
  readonly grant_id: string;
  readonly slot: number;
  readonly seq: number;
  readonly fpd: string;
  readonly secret_sealed: string;
  readonly name: string;
  readonly platform: string;
  /** `active`, or `evicted` when a device admitted before a restore took its slot back. */
  readonly status: string;
  readonly admitted_ms: number;
  readonly last_seen_ms: number;
  readonly lease_exp_ms: number;
  readonly renewals: number;
}

/**
 * The counters of one grant: the admission chain's head (`seq`, `head`, sealed by `seal`), the latest trusted
 * time, and the figures of the usage report.
 */
export interface CounterRow {
  readonly grant_id: string;
  readonly seq: number;
  readonly head: string;
  readonly seal: string;
  readonly trusted_ms: number;
  readonly first_ms: number;
  readonly renewals: number;
  readonly peak: number;
  readonly refused: number;
  readonly rollbacks: number;
  /** 1 once a restore from an old backup was proven by a slot held twice: no new admission under this grant. */
  readonly locked: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY,
  grant_id TEXT NOT NULL,
  slot INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  fpd TEXT NOT NULL,
  secret_sealed TEXT NOT NULL,
  name TEXT NOT NULL,
  platform TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active',
  admitted_ms INTEGER NOT NULL,
  last_seen_ms INTEGER NOT NULL,
  lease_exp_ms INTEGER NOT NULL,
  renewals INTEGER NOT NULL DEFAULT 0,
  UNIQUE (grant_id, seq)
);
CREATE UNIQUE INDEX IF NOT EXISTS devices_slot ON devices (grant_id, slot) WHERE status = 'active';
CREATE INDEX IF NOT EXISTS devices_fpd ON devices (grant_id, fpd);
CREATE TABLE IF NOT EXISTS counters (
  grant_id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  head TEXT NOT NULL,
  seal TEXT NOT NULL,
  trusted_ms INTEGER NOT NULL,
  first_ms INTEGER NOT NULL,
  renewals INTEGER NOT NULL DEFAULT 0,
  peak INTEGER NOT NULL DEFAULT 0,
  refused INTEGER NOT NULL DEFAULT 0,
  rollbacks INTEGER NOT NULL DEFAULT 0,
  locked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS admin (id INTEGER PRIMARY KEY CHECK (id = 1), token_digest TEXT NOT NULL);
`;

/**
 * Open (or create, mode 0600) a relay database and its tables. The relay is one process; SQLite's write lock
 * makes each admission one transaction, so the count of admitted devices is exact under any concurrency.
 * @example
 * const db = openRelayDb("/var/lib/ninsho-relay/relay.db");
 */
export function openRelayDb(path: string): RelayDb {
  if (path !== ":memory:" && !existsSync(path)) closeSync(openSync(path, "wx", 0o600));
  if (path !== ":memory:") chmodSync(path, 0o600);
  const db = new Database(path);
  db.pragma("journal_mode = DELETE");
  db.pragma("busy_timeout = 5000");
  db.exec(SCHEMA);
  return db;
}
