import { Kysely, type MigrationLockOptions, PostgresAdapter, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { Database } from "../schema.js";

/**
 * Kysely's PostgreSQL migration lock is an advisory lock, which Postgres-compatible distributed databases
 * (CockroachDB, YugabyteDB) lack. A row lock on the migrator's own lock table works everywhere.
 */
class RowLockPostgresAdapter extends PostgresAdapter {
  override async acquireMigrationLock(db: Kysely<unknown>, options: MigrationLockOptions): Promise<void> {
    const table = sql.id(options.lockTableSchema ?? "public", options.lockTable);
    await sql`select id from ${table} where id = ${options.lockRowId} for update`.execute(db);
  }
}

class RowLockPostgresDialect extends PostgresDialect {
  override createAdapter(): PostgresAdapter {
    return new RowLockPostgresAdapter();
  }
}

/** Connect to PostgreSQL by URL; `max` bounds this process's share of the server's connections. */
export function openPostgres(url: string, max = 10): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  return new Kysely<Database>({ dialect: new RowLockPostgresDialect({ pool }) });
}
