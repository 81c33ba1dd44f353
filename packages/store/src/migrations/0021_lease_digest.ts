import type { Kysely } from "kysely";

/**
 * A device keeps a digest of the lease last issued to it (issue 11): SHA-256 over the issuer's state key and
 * the token, so a validation recognises the device's current lease with one hash instead of re-signing it.
 * Null on every existing device: it has no digest until its next lease, and is recognised as before meanwhile.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("devices").addColumn("lease_digest", "text").execute();
}
