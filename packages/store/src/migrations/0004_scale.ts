import type { Kysely } from "kysely";

/**
 * Many server processes on one database:
 * - `rate_limits`: the shared key-guessing counters on PostgreSQL (rate-limiter-flexible's layout, made here
 *   so no server process runs DDL at start); unused on SQLite, where one process counts in memory.
 * - `signing_keys.active_from`: a rotated-in key may be published before it signs (apps ship the new public
 *   key first); `null` means from its creation.
 * - indexes for the lookups by license and event type (transfer allowance, offline proof limits) and for
 *   listing a product's licenses.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("rate_limits")
    .addColumn("key", "varchar(255)", (c) => c.primaryKey())
    .addColumn("points", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("expire", "bigint")
    .execute();
  await db.schema.alterTable("signing_keys").addColumn("active_from", "text").execute();
  await db.schema
    .createIndex("events_license_type")
    .on("events")
    .columns(["license_id", "type", "created_at"])
    .execute();
  await db.schema.createIndex("licenses_product").on("licenses").columns(["product_id", "id"]).execute();
}
