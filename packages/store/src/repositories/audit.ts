import type { AuditRepository } from "../contracts.js";
import { parseJson, present } from "../json.js";
import type { AuditEvent, AuditFilter } from "../records.js";
import type { AdminAuditTable } from "../schema.js";
import type { Executor } from "./executor.js";

/** The audit log of admin actions and of the server itself. Append-only: there is deliberately no update or delete. */
export class KyselyAuditRepository implements AuditRepository {
  constructor(private readonly db: Executor) {}

  async append(event: AuditEvent): Promise<void> {
    await this.db
      .insertInto("admin_audit")
      .values({
        id: event.id,
        type: event.type,
        actor: event.actor,
        data: JSON.stringify(event.data),
        created_at: event.createdAt,
        target: event.target ?? null,
        reason: event.reason ?? null,
      })
      .execute();
  }

  /** Entries oldest first (ids sort by time), optionally about one target or of one type, a page at a time. */
  async list(filter: AuditFilter = {}): Promise<AuditEvent[]> {
    let query = this.db
      .selectFrom("admin_audit")
      .selectAll()
      .orderBy("id")
      .limit(filter.limit ?? 500);
    if (filter.target !== undefined) query = query.where("target", "=", filter.target);
    if (filter.type !== undefined) query = query.where("type", "=", filter.type);
    if (filter.after !== undefined) query = query.where("id", ">", filter.after);
    const rows = await query.execute();
    return rows.map((row: AdminAuditTable) => ({
      id: row.id,
      type: row.type,
      actor: row.actor,
      data: parseJson(row.data),
      createdAt: row.created_at,
      ...present("target", row.target ?? null),
      ...present("reason", row.reason ?? null),
    }));
  }
}

export type { AuditEvent } from "../records.js";
