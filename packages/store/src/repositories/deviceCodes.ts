import type { DeviceCodeRecord, DeviceCodeStatus } from "../accountRecords.js";
import type { DeviceCodeRepository } from "../contracts.js";
import { present } from "../json.js";
import type { DeviceCodesTable } from "../schema.js";
import type { Executor } from "./executor.js";

/** Device-code sign-ins in `device_codes` (migration 0012), on SQLite and PostgreSQL alike. */
export class KyselyDeviceCodeRepository implements DeviceCodeRepository {
  constructor(private readonly db: Executor) {}

  async insert(code: DeviceCodeRecord): Promise<void> {
    await this.db
      .insertInto("device_codes")
      .values({
        digest: code.digest,
        user_code: code.userCode,
        product_id: code.productId,
        status: code.status,
        created_at: code.createdAt,
        expires_at: code.expiresAt,
        account_id: code.accountId ?? null,
        license_id: code.licenseId ?? null,
      })
      .execute();
  }

  async findByDigest(digest: string): Promise<DeviceCodeRecord | undefined> {
    const row = await this.db
      .selectFrom("device_codes")
      .selectAll()
      .where("digest", "=", digest)
      .executeTakeFirst();
    return row && toCode(row);
  }

  async findByUserCode(userCode: string): Promise<DeviceCodeRecord | undefined> {
    const row = await this.db
      .selectFrom("device_codes")
      .selectAll()
      .where("user_code", "=", userCode)
      .executeTakeFirst();
    return row && toCode(row);
  }

  async approve(digest: string, accountId: string, licenseId: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable("device_codes")
      .set({ status: "approved", account_id: accountId, license_id: licenseId })
      .where("digest", "=", digest)
      .where("status", "=", "pending")
      .where("expires_at", ">", at)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async markUsed(digest: string): Promise<boolean> {
    const result = await this.db
      .updateTable("device_codes")
      .set({ status: "used" })
      .where("digest", "=", digest)
      .where("status", "=", "approved")
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

const toCode = (row: DeviceCodesTable): DeviceCodeRecord => ({
  digest: row.digest,
  userCode: row.user_code,
  productId: row.product_id,
  status: row.status as DeviceCodeStatus,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  ...present("accountId", row.account_id),
  ...present("licenseId", row.license_id),
});
