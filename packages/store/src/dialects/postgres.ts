import { Kysely, type MigrationLockOptions, PostgresAdapter, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "../schema.js";

/**
 * Kysely's PostgreSQL migration lock is an advisory lock, which Postgres-compatible distributed databases
 * (CockroachDB, YugabyteDB) lack. A row lock on the migrator's own lock table works everywhere.
 *
 * Kysely takes the lock on a connection *outside* the migration's transaction, where a `FOR UPDATE` would be
 * released as soon as its statement ends. So the row lock is held by a transaction of its own, on a dedicated
 * connection (not from the pool, which may have just one), until Kysely releases it; if the process dies, the
 * connection drops and the lock with it.
 */
class RowLockPostgresAdapter extends PostgresAdapter {
  readonly #holders = new WeakMap<Kysely<unknown>, pg.Client>();

  constructor(private readonly url: string) {
    super();
  }

  override async acquireMigrationLock(db: Kysely<unknown>, options: MigrationLockOptions): Promise<void> {
    const holder = new pg.Client({ connectionString: this.url });
    await holder.connect();
    try {
      const table = `${holder.escapeIdentifier(options.lockTableSchema ?? "public")}.${holder.escapeIdentifier(options.lockTable)}`;
      await holder.query("begin");
      await holder.query(`select id from ${table} where id = $1 for update`, [options.lockRowId]);
    } catch (error) {
      await holder.end().catch(() => undefined);
      throw error;
    }
    this.#holders.set(db, holder);
  }

  override async releaseMigrationLock(db: Kysely<unknown>): Promise<void> {
    const holder = this.#holders.get(db);
    if (holder === undefined) return;
    this.#holders.delete(db);
    try {
      await holder.query("commit");
    } finally {
      await holder.end();
    }
  }
}

class RowLockPostgresDialect extends PostgresDialect {
  constructor(
    config: ConstructorParameters<typeof PostgresDialect>[0],
    private readonly url: string,
  ) {
    super(config);
  }

  override createAdapter(): PostgresAdapter {
    return new RowLockPostgresAdapter(this.url);
  }
}

/** Connect to PostgreSQL by URL; `max` bounds this process's share of the server's connections. */
export function openPostgres(url: string, max = 10): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  return new Kysely<Database>({ dialect: new RowLockPostgresDialect({ pool }, url) });
}
