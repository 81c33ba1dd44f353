import type { Kysely } from "kysely";

/**
 * Floating seats and workloads:
 * - `policies.seat_rules`: a seat policy's pool, heartbeat timeout, overage and borrowing (JSON; null for
 *   device policies).
 * - `seats`: one row per check-out. A seat is held while `returned_at` is null and `expires_at` is ahead of
 *   the clock, so a holder that stops heartbeating loses it with no process running; rows stay as the
 *   license's usage history (peak concurrent instances per day).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("policies").addColumn("seat_rules", "text").execute();
  await db.schema
    .createTable("seats")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("license_id", "text", (c) => c.notNull().references("licenses.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("holder", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("platform", "text", (c) => c.notNull())
    .addColumn("secret_digest", "text", (c) => c.notNull())
    .addColumn("overage", "integer", (c) => c.notNull())
    .addColumn("checked_out_at", "text", (c) => c.notNull())
    .addColumn("heartbeat_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("ends_by", "text")
    .addColumn("returned_at", "text")
    .execute();
  // The held seats of a license: not returned, expiring after now.
  await db.schema
    .createIndex("seats_license_open")
    .on("seats")
    .columns(["license_id", "returned_at", "expires_at"])
    .execute();
  // Usage by day: seats of a license overlapping a span.
  await db.schema
    .createIndex("seats_license_checked_out")
    .on("seats")
    .columns(["license_id", "checked_out_at"])
    .execute();
}
