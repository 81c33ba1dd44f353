/**
 * The dialect matrix: every store test file runs once on SQLite and once on PostgreSQL, each time on a database
 * of its own (a temp file, or a fresh `ninsho_t_<random>` database dropped after the file). No mocks.
 *
 * Where PostgreSQL is found and when its half is skipped: testing/postgres.ts.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStore, type Store } from "@ninsho/store";
import SqliteDatabase from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import {
  createPostgresDatabase,
  noticeSkipped,
  postgresProblem,
  postgresWhere,
  skipPostgres,
} from "../../../../testing/postgres.js";

export type DialectName = Store["dialect"];

export { isCi, POSTGRES_ADMIN_URL } from "../../../../testing/postgres.js";

noticeSkipped("store-pg-skip-notice", "the PostgreSQL half of the store suite was");

export interface DialectCase {
  readonly dialect: DialectName;
  /** True when this half cannot run here and is skipped. Never true on CI. */
  readonly skip: boolean;
}

/** For `describe.each(dialects)("$dialect", ({ dialect, skip }) => describe.skipIf(skip)(…))`. */
export const dialects: readonly DialectCase[] = [
  { dialect: "sqlite", skip: false },
  { dialect: "postgres", skip: skipPostgres },
];

/** A database the current test file owns. */
export interface TestDatabase {
  readonly dialect: DialectName;
  /** What `createStore` takes: a file path or a `postgres://` URL. */
  readonly url: string;
}

/** Rows of a raw query, for looking under the store (schema, migration bookkeeping). */
export async function rawQuery(db: TestDatabase, text: string): Promise<Record<string, unknown>[]> {
  if (db.dialect === "sqlite") {
    const handle = new SqliteDatabase(db.url, { readonly: true, fileMustExist: true });
    try {
      return handle.prepare(text).all() as Record<string, unknown>[];
    } finally {
      handle.close();
    }
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Names of the tables in a database (user tables only). */
export async function tableNames(db: TestDatabase): Promise<string[]> {
  const rows =
    db.dialect === "sqlite"
      ? await rawQuery(db, "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      : await rawQuery(
          db,
          "select table_name as name from information_schema.tables where table_schema = 'public'",
        );
  return rows.map((row) => String(row.name)).sort();
}

/** The migrations the migrator recorded as applied, in order. */
export async function appliedMigrations(db: TestDatabase): Promise<string[]> {
  const rows = await rawQuery(db, "select name from kysely_migration order by name");
  return rows.map((row) => String(row.name));
}

export interface Databases {
  /** A new empty database (not migrated), removed after the file. */
  create(): Promise<TestDatabase>;
  /** A store on `db` (another "server process" when called twice); closed after the file. */
  open(db: TestDatabase, options?: { readonly poolSize?: number }): Store;
}

/**
 * Databases and stores for one dialect, created on demand and all cleaned up after the test file. Call inside
 * a `describe` block: it registers an `afterAll`.
 */
export function useDatabases(dialect: DialectName): Databases {
  const created: TestDatabase[] = [];
  const stores: Store[] = [];
  const drops: (() => Promise<void>)[] = [];
  let sqliteDir: string | undefined;

  afterAll(async () => {
    await Promise.allSettled(stores.map((store) => store.close()));
    if (sqliteDir !== undefined) rmSync(sqliteDir, { recursive: true, force: true });
    for (const drop of drops) await drop();
  });

  return {
    async create() {
      const suffix = randomBytes(6).toString("hex");
      let db: TestDatabase;
      if (dialect === "sqlite") {
        sqliteDir ??= mkdtempSync(join(tmpdir(), "ninsho-store-test-"));
        db = { dialect, url: join(sqliteDir, `t_${suffix}.db`) };
      } else {
        if (postgresProblem !== undefined) {
          throw new Error(
            `PostgreSQL not reachable at ${postgresWhere} (${postgresProblem}), and CI is set: the PostgreSQL half of the store suite must run`,
          );
        }
        const fresh = await createPostgresDatabase("ninsho_t");
        drops.push(fresh.drop);
        db = { dialect, url: fresh.url };
      }
      created.push(db);
      return db;
    },
    open(db, options = {}) {
      const store = createStore(
        options.poolSize === undefined ? { url: db.url } : { url: db.url, poolSize: options.poolSize },
      );
      stores.push(store);
      return store;
    },
  };
}

export interface StoreFixture extends Databases {
  /** The file's migrated store (valid inside tests and hooks). */
  readonly store: Store;
  /** The file's database. */
  readonly db: TestDatabase;
}

/** One migrated database and store for the test file, set up in `beforeAll`. Call inside a `describe`. */
export function useStore(dialect: DialectName): StoreFixture {
  const databases = useDatabases(dialect);
  let current: { store: Store; db: TestDatabase } | undefined;

  beforeAll(async () => {
    const db = await databases.create();
    const store = databases.open(db);
    await store.migrate();
    current = { store, db };
  });

  const get = (): { store: Store; db: TestDatabase } => {
    if (current === undefined) throw new Error("useStore: the store is set up in beforeAll; use it in tests");
    return current;
  };
  return {
    ...databases,
    get store() {
      return get().store;
    },
    get db() {
      return get().db;
    },
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise and the function that resolves it, to hold a transaction open at a chosen point. */
export function deferred(): { readonly promise: Promise<void>; readonly resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
