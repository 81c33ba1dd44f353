import type { Kysely } from "kysely";

/**
 * `device_codes`: device-code sign-ins (RFC 8628's flow) for activating a device with a signed-in account's
 * license instead of typing its key. Kept by the digest of the device's code; the user code is unique while kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("device_codes")
    .addColumn("digest", "text", (c) => c.primaryKey())
    .addColumn("user_code", "text", (c) => c.notNull().unique())
    .addColumn("product_id", "text", (c) => c.notNull().references("products.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("account_id", "text", (c) => c.references("accounts.id"))
    .addColumn("license_id", "text", (c) => c.references("licenses.id"))
    .execute();
}
