import type { Kysely } from "kysely";

/**
 * Offline activation (installation and confirmation IDs, license files): each license's short id, each
 * product's number and BLS key pair, and the answer given to each offline request (so a replay gets the same).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("license_short_ids")
    .addColumn("short_id", "bigint", (c) => c.primaryKey())
    .addColumn("license_id", "text", (c) => c.notNull().unique().references("licenses.id"))
    .execute();

  await db.schema
    .createTable("offline_keys")
    .addColumn("product_id", "text", (c) => c.primaryKey().references("products.id"))
    .addColumn("product_number", "integer", (c) => c.notNull().unique())
    .addColumn("public_key", "text", (c) => c.notNull())
    .addColumn("sealed_secret_key", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("offline_activations")
    .addColumn("request_id", "text", (c) => c.primaryKey())
    .addColumn("license_id", "text", (c) => c.notNull().references("licenses.id"))
    .addColumn("device_id", "text", (c) => c.notNull())
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("answer", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("offline_activations_license")
    .on("offline_activations")
    .columns(["license_id", "created_at"])
    .execute();
}
