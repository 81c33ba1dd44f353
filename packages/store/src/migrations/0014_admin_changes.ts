import type { Kysely } from "kysely";

/**
 * Admin changes (issue 13 point 7): products and policies may be edited and archived (kept for their licenses,
 * closed to new ones); a license may carry overrides of its policy (JSON, see core's `LicenseOverrides`); the
 * audit log names what each entry is about (`target`: a policy, a license, a token) and why (`reason`), so a
 * license's timeline can show the edits of its policy and the log can be read per target.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("products").addColumn("archived_at", "text").execute();
  await db.schema.alterTable("policies").addColumn("archived_at", "text").execute();
  await db.schema.alterTable("policies").addColumn("updated_at", "text").execute();
  await db.schema.alterTable("licenses").addColumn("overrides", "text").execute();
  await db.schema.alterTable("admin_audit").addColumn("target", "text").execute();
  await db.schema.alterTable("admin_audit").addColumn("reason", "text").execute();
  await db.schema.createIndex("admin_audit_target").on("admin_audit").columns(["target", "id"]).execute();
}
