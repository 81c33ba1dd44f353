import type { Kysely } from "kysely";

/**
 * Counts per UTC day of what happens too often to keep as events (validations): one row per name and day,
 * incremented by a whole batch at once (the server adds what it counted since its last flush), so the hot
 * path never writes a row per request.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("daily_counts")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("count", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("daily_counts_pk", ["name", "day"])
    .execute();
}
