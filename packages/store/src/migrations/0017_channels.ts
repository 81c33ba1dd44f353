import type { Kysely } from "kysely";

/**
 * Channel rules and entitlements (issue 13 points 4 and 5). Licenses gain what their channel binds or records:
 * the upgrade that consumed a base, the component an OEM or bundle license is bound to and a pending warranty
 * repair (both JSON), the entitlements a license adds or removes (JSON), and a subscription's past-due mark.
 * Policies gain `channel_rules` (JSON: `bundleComponent`, `graceAfterPaymentFailureDays`). `trial_marks` keeps
 * one keyed digest per machine anchor per product (never a component digest itself), so a trial is granted
 * once per machine whatever key comes with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of [
    "consumed_by",
    "bound_component",
    "warranty_repair",
    "entitlement_changes",
    "past_due_since",
  ]) {
    await db.schema.alterTable("licenses").addColumn(column, "text").execute();
  }
  await db.schema.alterTable("policies").addColumn("channel_rules", "text").execute();
  await db.schema
    .createTable("trial_marks")
    .addColumn("product_id", "text", (c) => c.notNull().references("products.id"))
    .addColumn("mark", "text", (c) => c.notNull())
    .addColumn("license_id", "text", (c) => c.notNull().references("licenses.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("trial_marks_pk", ["product_id", "mark"])
    .execute();
}
