import type { Kysely } from "kysely";

/**
 * Entitlements by phone (issue 13 point 5). A product gains `phone_features` (JSON: an ordered list of at most
 * 20 feature names, only ever appended to): bit i of a confirmation ID grants feature i of it. Null: no
 * feature crosses the phone, as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("products").addColumn("phone_features", "text").execute();
}
