import type { Kysely } from "kysely";

/**
 * One live lease lineage per device (see core's `leaseCounter.ts`):
 * - `lease_lineage_from`: counter of the first lease of the device's current lineage; a re-activation by key
 *   starts a new one and every lease below it is superseded (0: never re-activated).
 * - `lease_suspected_ctr`: counter of the stale lease that raised the standing suspicion, so the same copy
 *   asking again is not taken for a second line.
 * - `forked_at`: when two live copies were established; it stays on the device for support and the timeline.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("devices")
    .addColumn("lease_lineage_from", "bigint", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("devices").addColumn("lease_suspected_ctr", "bigint").execute();
  await db.schema.alterTable("devices").addColumn("forked_at", "text").execute();
}
