import type { TrialMarkRepository } from "../contracts.js";
import type { Executor } from "./executor.js";

/** Machines that ran a trial, by keyed anchor digest per product (`trial_marks`, migration 0014). */
export class KyselyTrialMarkRepository implements TrialMarkRepository {
  constructor(private readonly db: Executor) {}

  async takenBy(productId: string, marks: readonly string[]): Promise<string[]> {
    if (marks.length === 0) return [];
    const rows = await this.db
      .selectFrom("trial_marks")
      .select("license_id")
      .where("product_id", "=", productId)
      .where("mark", "in", [...marks])
      .execute();
    return [...new Set(rows.map((r) => r.license_id))];
  }

  async record(productId: string, marks: readonly string[], licenseId: string, at: string): Promise<void> {
    if (marks.length === 0) return;
    await this.db
      .insertInto("trial_marks")
      .values(marks.map((mark) => ({ product_id: productId, mark, license_id: licenseId, created_at: at })))
      .onConflict((oc) => oc.columns(["product_id", "mark"]).doNothing())
      .execute();
  }
}
