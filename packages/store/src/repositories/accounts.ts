import type { Locale } from "@ninsho/core";
import type { AccountPatch, AccountRecord } from "../accountRecords.js";
import type { AccountRepository } from "../contracts.js";
import { present } from "../json.js";
import type { AccountsTable } from "../schema.js";
import type { Executor } from "./executor.js";

/** Accounts in the `accounts` table (migration 0009), on SQLite and PostgreSQL alike. */
export class KyselyAccountRepository implements AccountRepository {
  constructor(private readonly db: Executor) {}

  async insertIfAbsent(account: AccountRecord): Promise<boolean> {
    const result = await this.db
      .insertInto("accounts")
      .values({
        id: account.id,
        email: account.email,
        password_hash: account.passwordHash,
        language: account.language,
        created_at: account.createdAt,
        email_verified_at: account.emailVerifiedAt ?? null,
        password_changed_at: account.passwordChangedAt,
        totp_secret_sealed: account.totpSecretSealed ?? null,
        totp_pending_sealed: account.totpPendingSealed ?? null,
        totp_enabled_at: account.totpEnabledAt ?? null,
        totp_last_step: account.totpLastStep ?? null,
      })
      .onConflict((oc) => oc.column("email").doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async findById(id: string): Promise<AccountRecord | undefined> {
    const row = await this.db.selectFrom("accounts").selectAll().where("id", "=", id).executeTakeFirst();
    return row && toAccount(row);
  }

  async findByEmail(email: string): Promise<AccountRecord | undefined> {
    const row = await this.db
      .selectFrom("accounts")
      .selectAll()
      .where("email", "=", email)
      .executeTakeFirst();
    return row && toAccount(row);
  }

  async update(id: string, patch: AccountPatch): Promise<void> {
    const set: Partial<AccountsTable> = {};
    if (patch.passwordHash !== undefined) set.password_hash = patch.passwordHash;
    if (patch.passwordChangedAt !== undefined) set.password_changed_at = patch.passwordChangedAt;
    if (patch.emailVerifiedAt !== undefined) set.email_verified_at = patch.emailVerifiedAt;
    if (patch.language !== undefined) set.language = patch.language;
    if (patch.totpSecretSealed !== undefined) set.totp_secret_sealed = patch.totpSecretSealed;
    if (patch.totpPendingSealed !== undefined) set.totp_pending_sealed = patch.totpPendingSealed;
    if (patch.totpEnabledAt !== undefined) set.totp_enabled_at = patch.totpEnabledAt;
    // A second factor turned off or on afresh starts its replay guard anew.
    if (patch.totpSecretSealed !== undefined) set.totp_last_step = null;
    if (Object.keys(set).length === 0) return;
    await this.db.updateTable("accounts").set(set).where("id", "=", id).execute();
  }

  async useTotpStep(id: string, step: number): Promise<boolean> {
    const result = await this.db
      .updateTable("accounts")
      .set({ totp_last_step: step })
      .where("id", "=", id)
      .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

const toAccount = (row: AccountsTable): AccountRecord => ({
  id: row.id,
  email: row.email,
  language: (row.language === "ja" ? "ja" : "en") satisfies Locale,
  createdAt: row.created_at,
  passwordHash: row.password_hash,
  passwordChangedAt: row.password_changed_at,
  ...present("emailVerifiedAt", row.email_verified_at),
  ...present("totpEnabledAt", row.totp_enabled_at),
  ...present("totpSecretSealed", row.totp_secret_sealed),
  ...present("totpPendingSealed", row.totp_pending_sealed),
  ...(row.totp_last_step === null ? {} : { totpLastStep: Number(row.totp_last_step) }),
});
