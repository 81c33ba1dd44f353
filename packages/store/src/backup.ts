import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import SqliteDatabase from "better-sqlite3";

/** What a backup file holds, checked before it is written over a live database. */
export interface SqliteBackupInfo {
  /** Migrations recorded in it, oldest first. */
  readonly migrations: readonly string[];
  readonly licenses: number;
  readonly devices: number;
  /** One sealed signing key, to check a master key opens this database before restoring it. */
  readonly signingKeySample?: { readonly kid: string; readonly sealedPrivateKey: string };
}

/** A SQLite file's companions: its write-ahead log and shared-memory index. */
const COMPANIONS = ["", "-wal", "-shm"] as const;

/**
 * Copy a live SQLite database to `destination` with SQLite's online backup API: one consistent snapshot, taken
 * while the server keeps serving (WAL readers do not block writers). The copy is a single self-contained file
 * (rollback journal, no `-wal`), mode 0600, checked for integrity. Refuses to overwrite a file.
 * @example
 * const info = await backupSqlite("./data/ninsho.db", "/backups/ninsho-2026-11-21.db");
 */
export async function backupSqlite(source: string, destination: string): Promise<SqliteBackupInfo> {
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  // Made first with 0600, so the copy (sealed keys, key digests, emails) is never readable by others.
  closeSync(openSync(destination, "wx", 0o600));
  const database = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
  try {
    // All pages in one step: one read transaction, so one snapshot even while the server writes.
    await database.backup(destination, { progress: () => 1_000_000_000 });
  } catch (error) {
    rmSync(destination, { force: true });
    throw error;
  } finally {
    database.close();
  }
  const copy = new SqliteDatabase(destination, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  return inspectSqliteBackup(destination);
}

/**
 * Check that a file is an intact Ninsho database and say what it holds; throws when it is not.
 * @example
 * const { migrations, licenses } = inspectSqliteBackup("/backups/ninsho-2026-11-21.db");
 */
export function inspectSqliteBackup(path: string): SqliteBackupInfo {
  const database = new SqliteDatabase(path, { readonly: true, fileMustExist: true });
  try {
    const integrity = database.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`${path} is damaged: ${String(integrity)}`);
    const migrated = database
      .prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get();
    if (migrated === undefined) throw new Error(`${path} is not a Ninsho database (no migration history)`);
    const names = database.prepare("select name from kysely_migration order by name").pluck().all();
    const count = (table: string) =>
      Number(database.prepare(`select count(*) from ${table}`).pluck().get() ?? 0);
    const sample = database.prepare("select kid, sealed_private_key from signing_keys limit 1").get() as
      | { kid: string; sealed_private_key: string }
      | undefined;
    return {
      migrations: names.map(String),
      licenses: count("licenses"),
      devices: count("devices"),
      ...(sample
        ? { signingKeySample: { kid: sample.kid, sealedPrivateKey: sample.sealed_private_key } }
        : {}),
    };
  } finally {
    database.close();
  }
}

/**
 * Throw unless nothing has `path` open: a running server keeps a connection, and restoring under it would
 * lose whatever it writes next.
 * @example
 * assertSqliteIdle("./data/ninsho.db");
 */
export function assertSqliteIdle(path: string): void {
  if (!existsSync(path)) return;
  const database = new SqliteDatabase(path, { fileMustExist: true, timeout: 0 });
  try {
    database.pragma("locking_mode = EXCLUSIVE");
    database.exec("begin exclusive; commit");
  } catch {
    throw new Error(`${path} is in use: stop the server (ninsho serve) using it first`);
  } finally {
    database.close();
  }
}

/**
 * Put a backup in place of `target`: copy it beside the target, then move the current database (with its
 * `-wal` and `-shm`) aside as `<target>.before-restore-<stamp>` and the copy into place. Returns where the old
 * database went, if there was one. Call `assertSqliteIdle` first.
 * @example
 * const kept = await restoreSqlite("/backups/ninsho-2026-11-21.db", "./data/ninsho.db");
 */
export async function restoreSqlite(
  backup: string,
  target: string,
  stamp: string,
): Promise<string | undefined> {
  inspectSqliteBackup(backup);
  mkdirSync(dirname(target), { recursive: true });
  const staging = `${target}.restoring`;
  for (const suffix of COMPANIONS) rmSync(`${staging}${suffix}`, { force: true });
  closeSync(openSync(staging, "wx", 0o600));
  const source = new SqliteDatabase(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(staging, { progress: () => 1_000_000_000 });
  } finally {
    source.close();
  }
  let kept: string | undefined;
  if (existsSync(target)) {
    kept = `${target}.before-restore-${stamp}`;
    for (const suffix of COMPANIONS) {
      if (existsSync(`${target}${suffix}`)) renameSync(`${target}${suffix}`, `${kept}${suffix}`);
    }
  }
  renameSync(staging, target);
  return kept;
}
