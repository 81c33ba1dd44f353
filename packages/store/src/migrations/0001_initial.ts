import type { Kysely } from "kysely";

/** The first schema. Types are the ones SQLite and PostgreSQL both understand alike. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("products")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("signing_keys")
    .addColumn("kid", "text", (c) => c.primaryKey())
    .addColumn("product_id", "text", (c) => c.notNull().references("products.id"))
    .addColumn("public_jwk", "text", (c) => c.notNull())
    .addColumn("sealed_private_key", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("retired_at", "text")
    .execute();
  await db.schema.createIndex("signing_keys_product").on("signing_keys").column("product_id").execute();

  await db.schema
    .createTable("policies")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("product_id", "text", (c) => c.notNull().references("products.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("max_devices", "integer", (c) => c.notNull())
    .addColumn("lease_seconds", "integer", (c) => c.notNull())
    .addColumn("grace_seconds", "integer", (c) => c.notNull())
    .addColumn("expiry_kind", "text", (c) => c.notNull())
    .addColumn("expiry_at", "text")
    .addColumn("expiry_seconds", "integer")
    .addColumn("match_threshold", "double precision", (c) => c.notNull())
    .addColumn("component_weights", "text", (c) => c.notNull())
    .addColumn("transferable", "integer", (c) => c.notNull())
    .addColumn("transfers_per_year", "integer", (c) => c.notNull())
    .addColumn("entitlements", "text", (c) => c.notNull())
    .addColumn("base_policy_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("policies_product").on("policies").column("product_id").execute();

  await db.schema
    .createTable("licenses")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("product_id", "text", (c) => c.notNull().references("products.id"))
    .addColumn("policy_id", "text", (c) => c.notNull().references("policies.id"))
    .addColumn("key_digest", "text", (c) => c.notNull().unique())
    .addColumn("sealed_key", "text", (c) => c.notNull())
    .addColumn("key_hint", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("status_reason", "text")
    .addColumn("owner_email", "text")
    .addColumn("base_license_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("first_activated_at", "text")
    .addColumn("expires_at", "text")
    .execute();
  await db.schema.createIndex("licenses_policy").on("licenses").columns(["policy_id", "id"]).execute();
  await db.schema.createIndex("licenses_owner_email").on("licenses").column("owner_email").execute();

  await db.schema
    .createTable("devices")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("license_id", "text", (c) => c.notNull().references("licenses.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("platform", "text", (c) => c.notNull())
    .addColumn("collector", "text", (c) => c.notNull())
    .addColumn("components", "text", (c) => c.notNull())
    .addColumn("fingerprint_digest", "text", (c) => c.notNull())
    .addColumn("lease_issued", "integer", (c) => c.notNull())
    .addColumn("lease_issued_from", "integer", (c) => c.notNull())
    .addColumn("lease_issued_at", "text", (c) => c.notNull())
    .addColumn("activated_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("deactivated_at", "text")
    .execute();
  await db.schema.createIndex("devices_license").on("devices").columns(["license_id", "id"]).execute();

  await db.schema
    .createTable("events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("license_id", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("events_license").on("events").columns(["license_id", "id"]).execute();

  await db.schema
    .createTable("admin_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("token_digest", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();

  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
}
