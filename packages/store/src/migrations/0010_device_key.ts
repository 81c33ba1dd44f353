import type { Kysely } from "kysely";

/**
 * A device's public key (device proof, see `deviceProof.ts` in core): requests that act as the device are
 * signed with its private half, which never leaves the device. Null on devices activated before device keys:
 * they register one at their next refresh by lease.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("devices").addColumn("device_key", "text").execute();
}
