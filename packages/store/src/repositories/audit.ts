import { parseJson } from "../json.js";
import type { AdminAuditTable } from "../schema.js";
import type { Executor } from "./executor.js";

/** One change to the server itself (not to a license), e.g. `token.recovered`. */
export interface AuditEvent {
  readonly id: string;
  readonly type: string;
  /** Who did it, e.g. `operator:alice@build-7` for a command run on the server machine. */
  readonly actor: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
}

/** The server's own audit log. Append-only: there is deliberately no update or delete. */
export class AuditRepository {
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
