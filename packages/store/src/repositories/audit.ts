import type { AuditRepository } from "../contracts.js";
import { parseJson } from "../json.js";
import type { AuditEvent } from "../records.js";
import type { AdminAuditTable } from "../schema.js";
import type { Executor } from "./executor.js";

/** The server's own audit log. Append-only: there is deliberately no update or delete. */
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
      })
      .execute();
  }

  /** Every entry, oldest first (ids sort by time). */
  async list(): Promise<AuditEvent[]> {
    const rows = await this.db.selectFrom("admin_audit").selectAll().orderBy("id").execute();
    return rows.map((row: AdminAuditTable) => ({
      id: row.id,
      type: row.type,
      actor: row.actor,
      data: parseJson(row.data),
      createdAt: row.created_at,
    }));
  }
}

export type { AuditEvent } from "../records.js";
