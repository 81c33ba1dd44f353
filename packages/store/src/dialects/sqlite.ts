import { closeSync, fdatasync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, type SqliteDatabase as KyselySqliteDatabase, SqliteDialect } from "kysely";
import type { Direct } from "../repositories/executor.js";
import type { Database } from "../schema.js";
import { readOrFallBack } from "./sqliteBusy.js";
import { Mutex, readRoutingDialect } from "./sqliteReader.js";
import { SideWriter } from "./sqliteSideWriter.js";

/** Distinct SQL texts kept prepared; the store issues a few dozen shapes, bulk inserts a few more. */
const STATEMENT_CACHE_LIMIT = 256;

/**
 * Kysely prepares every query anew, and preparing costs more than running a one-row lookup. A statement is
 * reusable once prepared, so we hand Kysely the same statement for the same SQL text.
 */
function withStatementCache(database: SqliteDatabase.Database): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_LIMIT) statements.clear();
        statement = database.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/**
 * The WAL file's fdatasync, in libuv's thread pool: a commit waits for the disk without stopping the event loop.
 * The descriptor stays open while the store is (the WAL file is removed only when its last connection closes).
 */
function walSync(path: string): { sync: () => Promise<void>; close: () => void } {
  let fd: number | undefined;
  return {
    sync: () =>
      new Promise<void>((resolve, reject) => {
        try {
          fd ??= openSync(`${path}-wal`, "r");
        } catch (error) {
          reject(error);
          return;
        }
        fdatasync(fd, (error) => (error ? reject(error) : resolve()));
      }),
    close: () => {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}

/**
 * Open the embedded database. WAL lets reads go on during a write. Every commit reaches the disk before it
 * returns, so an activation acknowledged to a client survives a power cut: with one connection by
 * `synchronous = FULL`; with the read connection (below) the writer commits with `synchronous = NORMAL` (the
 * WAL is written, not synced) and the commit then waits for an fdatasync of the WAL file run off the event loop
 * (`walSync`): the same frames on disk before the answer, while reads and other requests go on. SQLite's
 * checkpoints sync as before in both modes. A reader may see a commit in the instant before its sync returns;
 * no write is acknowledged before it, and a later commit is acknowledged only after its own sync, which covers
 * every frame before it. A file
 * database gets a second, read-only connection for reads outside transactions (see `readRoutingDialect`), so
 * a lookup never waits behind an open write; NINSHO_SQLITE_READ_CONNECTION=off keeps one connection. `direct`
 * runs the hot reads on that read connection without Kysely (see `compiledRows`); none with one connection, where
 * a read must wait for an open transaction's end (Kysely's driver holds that lock).
 */
export function openSqlite(path: string): {
  db: Kysely<Database>;
  direct?: Direct;
  close?: () => Promise<void>;
} {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const database = new SqliteDatabase(path);
  database.pragma("journal_mode = WAL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  // 32 MiB of page cache (the default is 2 MiB): key digests and short ids land at random places in their
  // indexes, and a million-key issue otherwise spends most of its time re-reading index pages.
  database.pragma("cache_size = -32768");
  const writer = withStatementCache(database);
  if (path === ":memory:" || process.env.NINSHO_SQLITE_READ_CONNECTION === "off") {
    database.pragma("synchronous = FULL");
    return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: writer }) }) };
  }
  database.pragma("synchronous = NORMAL");
  const wal = walSync(path);
  const readOnly = new SqliteDatabase(path, { readonly: true, fileMustExist: true });
  readOnly.pragma("busy_timeout = 5000");
  readOnly.pragma("cache_size = -32768");
  const reader = withStatementCache(readOnly);
  const mutex = new Mutex();
  const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    await mutex.lock();
    try {
      return await work();
    } finally {
      mutex.unlock();
    }
  };
  const side = new SideWriter(path, exclusive);
  const direct: Direct = {
    rows: <R>(query: { sql: string }, parameters: readonly unknown[]) =>
      readOrFallBack(
        () => reader.prepare(query.sql).all(parameters) as R[],
        () => exclusive(async () => writer.prepare(query.sql).all(parameters) as R[]),
      ),
    writeAside: (statements) => side.run(statements.map(({ sql, parameters }) => ({ sql, parameters }))),
  };
  const db = new Kysely<Database>({ dialect: readRoutingDialect(writer, reader, mutex, wal.sync) });
  const close = async () => {
    await side.close();
    wal.close();
  };
  return { db, direct, close };
}
