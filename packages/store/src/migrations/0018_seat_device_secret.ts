import { type Kysely, sql } from "kysely";

/**
 * A seat's holder now proves itself with a device secret (the HMAC device proof of validation and
 * deactivation) instead of an Ed25519 key. The column holds the holder's secret sealed under the master key,
 * bound to the seat's id (`services/deviceSecrets.ts` in the server), never in clear. A public key stored
 * before is no secret and proves nothing under HMAC, so it is cleared: such a seat is kept by its bearer
 * secret (which the SDK always sent beside its proof) until its holder checks out again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("seats").renameColumn("device_key", "device_secret").execute();
  await sql`update seats set device_secret = null`.execute(db);
}
