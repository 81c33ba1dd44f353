import type { EventType, LicenseEvent } from "@ninsho/core";
import type { EventRepository } from "../contracts.js";
import { parseJson } from "../json.js";
import type { EventsTable } from "../schema.js";
import { insertRows } from "./bulkInsert.js";
import type { Dialect, Executor } from "./executor.js";

/** The append-only log. There is deliberately no update or delete. */
export class KyselyEventRepository implements EventRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
  ) {}

  async append(...events: readonly LicenseEvent[]): Promise<void> {
    // Chunked: one INSERT must stay under SQLite's bound-parameter limit (7 columns × 1000 rows).
    await insertRows(this.db, this.dialect, "events", events.map(toRow), 1000);
    // The webhook outbox, in the same transaction: what committed here is handed to the endpoints even if the
    // process dies right after (see `WebhookRepository.takeOutbox`). One row per 1000 events, not per event.
    for (let i = 0; i < events.length; i += 1000) {
      const slice = events.slice(i, i + 1000);
      const first = slice[0];
      if (!first) break;
      // Compiled once (`insertRows`): every activation, validation strike and refusal appends, and Kysely
      // building this INSERT each time cost more than SQLite running it.
      const row = {
        id: first.id,
        event_ids: JSON.stringify(slice.map((e) => e.id)),
        created_at: first.createdAt,
      };
      await insertRows(this.db, this.dialect, "webhook_outbox", [row], 1);
    }
  }

  /** A license's timeline, oldest first; ids sort by time. */
  async listByLicense(
    licenseId: string,
    options: { after?: string; limit?: number } = {},
  ): Promise<LicenseEvent[]> {
    let query = this.db
      .selectFrom("events")
      .selectAll()
      .where("license_id", "=", licenseId)
      .orderBy("id")
      .limit(options.limit ?? 500);
    if (options.after !== undefined) query = query.where("id", ">", options.after);
    return (await query.execute()).map(toEvent);
  }

  /** Events by id (what an outbox row names), oldest first. */
  async findMany(ids: readonly string[]): Promise<LicenseEvent[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom("events")
      .selectAll()
      .where("id", "in", ids)
      .orderBy("id")
      .execute();
    return rows.map(toEvent);
  }

  /** Events of some types for a license since an instant (e.g. transfers in the last 365 days). */
  async listTypesSince(
    licenseId: string,
    types: readonly EventType[],
    since: string,
  ): Promise<LicenseEvent[]> {
    const rows = await this.db
      .selectFrom("events")
      .selectAll()
      .where("license_id", "=", licenseId)
      .where("type", "in", types)
      .where("created_at", ">=", since)
      .orderBy("id")
      .execute();
    return rows.map(toEvent);
  }

  /** Events of some types of every license since an instant, newest first, at most `limit`. */
  async listAllTypesSince(
    types: readonly EventType[],
    since: string,
    limit: number,
  ): Promise<LicenseEvent[]> {
    const rows = await this.db
      .selectFrom("events")
      .selectAll()
      .where("type", "in", types)
      .where("created_at", ">=", since)
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map(toEvent);
  }
}

const toRow = (e: LicenseEvent): EventsTable => ({
  id: e.id,
  license_id: e.licenseId,
  type: e.type,
  actor: e.actor,
  reason: e.reason ?? null,
  data: JSON.stringify(e.data),
  created_at: e.createdAt,
});

const toEvent = (row: EventsTable): LicenseEvent => ({
  id: row.id,
  licenseId: row.license_id,
  type: row.type as EventType,
  actor: row.actor,
  ...(row.reason === null ? {} : { reason: row.reason }),
  data: parseJson(row.data),
  createdAt: row.created_at,
});
