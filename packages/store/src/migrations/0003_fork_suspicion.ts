import type { Kysely } from "kysely";

/** When a device last presented a stale lease: the first strike of fork detection (see `leaseCounter.ts`). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("devices").addColumn("lease_suspected_at", "bigint").execute();
}
