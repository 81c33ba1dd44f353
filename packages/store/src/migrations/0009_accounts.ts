import type { Kysely } from "kysely";

/**
 * End-user accounts and what hangs on them (issue 13): `accounts` (email unique, scrypt hash, sealed TOTP
 * secret), `account_tokens` (one-time tokens by digest), `sessions` (by digest of the cookie's token),
 * `account_licenses` (licenses linked by key; links by email follow from `licenses.owner_email`, indexed since
 * 0001) and `outbox` (mail for the operator when there is no SMTP server, sealed).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("accounts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("email_verified_at", "text")
    .addColumn("password_changed_at", "text", (c) => c.notNull())
    .addColumn("totp_secret_sealed", "text")
    .addColumn("totp_pending_sealed", "text")
    .addColumn("totp_enabled_at", "text")
    .addColumn("totp_last_step", "bigint")
    .execute();
  await db.schema
    .createTable("account_tokens")
    .addColumn("digest", "text", (c) => c.primaryKey())
    .addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text")
    .addColumn("used_at", "text")
    .execute();
  await db.schema
    .createIndex("account_tokens_account")
    .on("account_tokens")
    .columns(["account_id", "purpose"])
    .execute();
  await db.schema
    .createTable("sessions")
    .addColumn("digest", "text", (c) => c.primaryKey())
    .addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_account").on("sessions").column("account_id").execute();
  await db.schema
    .createTable("account_licenses")
    .addColumn("license_id", "text", (c) => c.primaryKey().references("licenses.id"))
    .addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
    .addColumn("via", "text", (c) => c.notNull())
    .addColumn("linked_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("account_licenses_account")
    .on("account_licenses")
    .columns(["account_id", "license_id"])
    .execute();
  await db.schema
    .createTable("outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("template", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("sealed_message", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}
