import { sql } from "kysely";
import type { DailyCountRepository } from "../contracts.js";
import type { Executor } from "./executor.js";

/** Counts per name and UTC day, added to in batches (see `DailyCountRepository`). */
export class KyselyDailyCountRepository implements DailyCountRepository {
  constructor(private readonly db: Executor) {}

  async add(name: string, day: string, count: number): Promise<void> {
    if (count <= 0) return;
    // One statement on both databases: two processes adding to the same day both land (no read-then-write).
    await this.db
      .insertInto("daily_counts")
      .values({ name, day, count })
      .onConflict((oc) =>
        oc.columns(["name", "day"]).doUpdateSet({ count: sql`daily_counts.count + excluded.count` }),
      )
      .execute();
  }

  async list(name: string, sinceDay: string): Promise<{ day: string; count: number }[]> {
    const rows = await this.db
      .selectFrom("daily_counts")
      .select(["day", "count"])
      .where("name", "=", name)
      .where("day", ">=", sinceDay)
      .orderBy("day")
      .execute();
    return rows.map((row) => ({ day: row.day, count: Number(row.count) }));
  }
}
