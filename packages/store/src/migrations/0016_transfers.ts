import type { Kysely } from "kysely";

/**
 * The self-service hardware change (issue 13, point 3): a policy's cool-down between transfers; the codes mailed
 * to a license's owner to prove a transfer with the key (one live code per license, kept as a keyed digest with
 * its wrong tries counted); and the support requests opened when a transfer is refused past the allowance, with
 * the full context (devices, explanations, timeline) as JSON.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("policies").addColumn("transfer_cooldown_seconds", "integer").execute();
  await db.schema
    .createTable("transfer_codes")
    .addColumn("license_id", "text", (c) => c.primaryKey().references("licenses.id"))
    .addColumn("digest", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("support_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("license_id", "text", (c) => c.notNull().references("licenses.id"))
    .addColumn("account_id", "text", (c) => c.references("accounts.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("context", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("support_requests_by_created")
    .on("support_requests")
    .columns(["created_at", "id"])
    .execute();
}
