import type { LicenseLink, LicenseLinkVia, OutboxMail } from "../accountRecords.js";
import type { AccountLicenseRepository, OutboxRepository } from "../contracts.js";
import type { AccountLicensesTable, OutboxTable } from "../schema.js";
import type { Executor } from "./executor.js";

/** Licenses linked to accounts by key (`account_licenses`, migration 0009). */
export class KyselyAccountLicenseRepository implements AccountLicenseRepository {
  constructor(private readonly db: Executor) {}

  async link(link: LicenseLink): Promise<LicenseLink> {
    await this.db
      .insertInto("account_licenses")
      .values({
        license_id: link.licenseId,
        account_id: link.accountId,
        via: link.via,
        linked_at: link.linkedAt,
      })
      .onConflict((oc) => oc.column("license_id").doNothing())
      .execute();
    const standing = await this.findByLicense(link.licenseId);
    if (!standing) throw new Error(`license ${link.licenseId} has no link after linking it`);
    return standing;
  }

  async findByLicense(licenseId: string): Promise<LicenseLink | undefined> {
    const row = await this.db
      .selectFrom("account_licenses")
      .selectAll()
      .where("license_id", "=", licenseId)
      .executeTakeFirst();
    return row && toLink(row);
  }

  async listByAccount(accountId: string): Promise<LicenseLink[]> {
    const rows = await this.db
      .selectFrom("account_licenses")
      .selectAll()
      .where("account_id", "=", accountId)
      .orderBy("license_id")
      .execute();
    return rows.map(toLink);
  }
}

const toLink = (row: AccountLicensesTable): LicenseLink => ({
  licenseId: row.license_id,
  accountId: row.account_id,
  via: row.via as LicenseLinkVia,
  linkedAt: row.linked_at,
});

/** The mail outbox (`outbox`, migration 0009). */
export class KyselyOutboxRepository implements OutboxRepository {
  constructor(private readonly db: Executor) {}

  async insert(mail: OutboxMail): Promise<void> {
    await this.db
      .insertInto("outbox")
      .values({
        id: mail.id,
        to_address: mail.to,
        template: mail.template,
        language: mail.language,
        sealed_message: mail.sealedMessage,
        created_at: mail.createdAt,
      })
      .execute();
  }

  async list(limit: number): Promise<OutboxMail[]> {
    const rows = await this.db.selectFrom("outbox").selectAll().orderBy("id", "desc").limit(limit).execute();
    return rows.map(toMail);
  }

  async findById(id: string): Promise<OutboxMail | undefined> {
    const row = await this.db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst();
    return row && toMail(row);
  }
}

const toMail = (row: OutboxTable): OutboxMail => ({
  id: row.id,
  to: row.to_address,
  template: row.template,
  language: row.language === "ja" ? "ja" : "en",
  sealedMessage: row.sealed_message,
  createdAt: row.created_at,
});
