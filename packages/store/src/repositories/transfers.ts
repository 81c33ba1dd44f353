import { sql } from "kysely";
import { parseJson } from "../json.js";
import type { SupportRequestsTable } from "../schema.js";
import type {
  SupportRequestKind,
  SupportRequestRecord,
  SupportRequestRepository,
  TransferCodeRecord,
  TransferCodeRepository,
} from "../transferRecords.js";
import type { Executor } from "./executor.js";

/** Transfer codes in `transfer_codes` (migration 0016), on SQLite and PostgreSQL alike. */
export class KyselyTransferCodeRepository implements TransferCodeRepository {
  constructor(private readonly db: Executor) {}

  async put(code: TransferCodeRecord): Promise<void> {
    const row = {
      digest: code.digest,
      attempts: code.attempts,
      created_at: code.createdAt,
      expires_at: code.expiresAt,
    };
    await this.db
      .insertInto("transfer_codes")
      .values({ license_id: code.licenseId, ...row })
      .onConflict((oc) => oc.column("license_id").doUpdateSet(row))
      .execute();
  }

  async find(licenseId: string): Promise<TransferCodeRecord | undefined> {
    const row = await this.db
      .selectFrom("transfer_codes")
      .selectAll()
      .where("license_id", "=", licenseId)
      .executeTakeFirst();
    return (
      row && {
        licenseId: row.license_id,
        digest: row.digest,
        attempts: Number(row.attempts),
        createdAt: row.created_at,
        expiresAt: row.expires_at,
      }
    );
  }

  async countWrong(licenseId: string): Promise<number> {
    const row = await this.db
      .updateTable("transfer_codes")
      .set({ attempts: sql`attempts + 1` })
      .where("license_id", "=", licenseId)
      .returning("attempts")
      .executeTakeFirst();
    return row === undefined ? Number.POSITIVE_INFINITY : Number(row.attempts);
  }

  async remove(licenseId: string): Promise<void> {
    await this.db.deleteFrom("transfer_codes").where("license_id", "=", licenseId).execute();
  }
}

/** Support requests in `support_requests` (migration 0016). */
export class KyselySupportRequestRepository implements SupportRequestRepository {
  constructor(private readonly db: Executor) {}

  async insert(request: SupportRequestRecord): Promise<void> {
    await this.db
      .insertInto("support_requests")
      .values({
        id: request.id,
        license_id: request.licenseId,
        account_id: request.accountId ?? null,
        kind: request.kind,
        status: request.status,
        context: JSON.stringify(request.context),
        created_at: request.createdAt,
      })
      .execute();
  }

  async list(options: {
    limit: number;
    licenseId?: string | undefined;
    status?: SupportRequestRecord["status"] | undefined;
  }): Promise<SupportRequestRecord[]> {
    let query = this.db.selectFrom("support_requests").selectAll();
    if (options.licenseId !== undefined) query = query.where("license_id", "=", options.licenseId);
    if (options.status !== undefined) query = query.where("status", "=", options.status);
    const rows = await query
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(options.limit)
      .execute();
    return rows.map(toRequest);
  }

  async findById(id: string): Promise<SupportRequestRecord | undefined> {
    const row = await this.db
      .selectFrom("support_requests")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row && toRequest(row);
  }

  async close(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable("support_requests")
      .set({ status: "closed" })
      .where("id", "=", id)
      .where("status", "=", "open")
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

const toRequest = (row: SupportRequestsTable): SupportRequestRecord => ({
  id: row.id,
  licenseId: row.license_id,
  ...(row.account_id === null ? {} : { accountId: row.account_id }),
  kind: row.kind as SupportRequestKind,
  status: row.status === "closed" ? "closed" : "open",
  context: parseJson<Record<string, unknown>>(row.context),
  createdAt: row.created_at,
});
