import { type Kysely, type MigrationResultSet, Migrator } from "kysely";
import { migrationProvider } from "./migrations/index.js";
import type { Database } from "./schema.js";

/**
 * Bring the schema up to date. Safe to run from several processes at once: Kysely's migrator takes a lock
 * first (on PostgreSQL a row lock in its lock table, see `dialects/postgres.ts`), and a process that finds
 * the work done by another applies nothing.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
