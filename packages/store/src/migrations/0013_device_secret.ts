import { type Kysely, sql } from "kysely";

/**
 * The device proof moved from an Ed25519 key to a symmetric device secret (an Ed25519 verify per validation
 * cost more than the whole request budget; see docs/security.md). The column now holds the device's secret
 * sealed under the master key (`services/deviceSecrets.ts` in the server), never in clear. A public key
 * stored before is no secret and proves nothing under HMAC, so it is dropped: such a device is served as one
 * activated before device proofs and registers a secret at its next refresh by lease.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("devices").renameColumn("device_key", "device_secret").execute();
  await sql`update devices set device_secret = null`.execute(db);
}
