import type { AccountTokenPurpose } from "@ninsho/core";
import type { AccountTokenRecord, SessionRecord } from "../accountRecords.js";
import type { AccountTokenRepository } from "../contracts.js";
import { present } from "../json.js";
import type { AccountTokensTable } from "../schema.js";
import type { Executor } from "./executor.js";

/** One-time tokens (`account_tokens`) and sessions (`sessions`), by digest only (migration 0009). */
export class KyselyAccountTokenRepository implements AccountTokenRepository {
  constructor(private readonly db: Executor) {}

  async insert(token: AccountTokenRecord): Promise<void> {
    await this.db
      .insertInto("account_tokens")
      .values({
        digest: token.digest,
        account_id: token.accountId,
        purpose: token.purpose,
        created_at: token.createdAt,
        expires_at: token.expiresAt ?? null,
        used_at: token.usedAt ?? null,
      })
      .execute();
  }

  async find(digest: string, purpose: AccountTokenPurpose): Promise<AccountTokenRecord | undefined> {
    const row = await this.db
      .selectFrom("account_tokens")
      .selectAll()
      .where("digest", "=", digest)
      .where("purpose", "=", purpose)
      .executeTakeFirst();
    return row && toToken(row);
  }

  async use(digest: string, purpose: AccountTokenPurpose, at: string): Promise<string | undefined> {
    // One statement decides: of two racing uses, only one finds `used_at` still null.
    const row = await this.db
      .updateTable("account_tokens")
      .set({ used_at: at })
      .where("digest", "=", digest)
      .where("purpose", "=", purpose)
      .where("used_at", "is", null)
      .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", at)]))
      .returning("account_id")
      .executeTakeFirst();
    return row?.account_id;
  }

  async voidAll(accountId: string, purpose: AccountTokenPurpose, at: string): Promise<void> {
    await this.db
      .updateTable("account_tokens")
      .set({ used_at: at })
      .where("account_id", "=", accountId)
      .where("purpose", "=", purpose)
      .where("used_at", "is", null)
      .execute();
  }

  async countUsable(accountId: string, purpose: AccountTokenPurpose, at: string): Promise<number> {
    const row = await this.db
      .selectFrom("account_tokens")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("account_id", "=", accountId)
      .where("purpose", "=", purpose)
      .where("used_at", "is", null)
      .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", at)]))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insertSession(session: SessionRecord): Promise<void> {
    await this.db
      .insertInto("sessions")
      .values({
        digest: session.digest,
        account_id: session.accountId,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  async findSession(digest: string): Promise<SessionRecord | undefined> {
    const row = await this.db
      .selectFrom("sessions")
      .selectAll()
      .where("digest", "=", digest)
      .executeTakeFirst();
    return (
      row && {
        digest: row.digest,
        accountId: row.account_id,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
      }
    );
  }

  async deleteSession(digest: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("digest", "=", digest).execute();
  }

  async deleteSessionsOf(accountId: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("account_id", "=", accountId).execute();
  }
}

const toToken = (row: AccountTokensTable): AccountTokenRecord => ({
  digest: row.digest,
  accountId: row.account_id,
  purpose: row.purpose as AccountTokenPurpose,
  createdAt: row.created_at,
  ...present("expiresAt", row.expires_at),
  ...present("usedAt", row.used_at),
});
