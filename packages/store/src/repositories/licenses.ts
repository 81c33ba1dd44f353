import type {
  BoundComponent,
  EntitlementChanges,
  License,
  LicenseOverrides,
  LicenseStatus,
  WarrantyRepair,
} from "@ninsho/core";
import type { LicenseRepository } from "../contracts.js";
import { parseJson, present } from "../json.js";
import type { IssuedLicense, LicenseFilter, LicensePatch } from "../records.js";
import type { LicensesTable } from "../schema.js";
import { insertRows } from "./bulkInsert.js";
import { compiledRows } from "./compiledRead.js";
import type { Dialect, Direct, Executor } from "./executor.js";

/** Rows per INSERT in bulk issue: well under SQLite's bound-parameter limit for 13 columns. */
const INSERT_CHUNK = 500;

export class KyselyLicenseRepository implements LicenseRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
    private readonly direct?: Direct,
  ) {}

  /** Insert many licenses; the caller wraps large batches in one transaction so they commit together. */
  async insertMany(licenses: readonly IssuedLicense[]): Promise<void> {
    await insertRows(this.db, this.dialect, "licenses", licenses.map(toRow), INSERT_CHUNK);
  }

  async findById(id: string): Promise<License | undefined> {
    const row = await this.db.selectFrom("licenses").selectAll().where("id", "=", id).executeTakeFirst();
    return row && toLicense(row);
  }

  /** The one indexed lookup behind every key-based request (compiled once: a hot read). */
  async findByKeyDigest(keyDigest: string): Promise<License | undefined> {
    const [row] = await compiledRows(
      this.db,
      this.dialect,
      this.direct,
      "licenses.findByKeyDigest",
      (db) => db.selectFrom("licenses").selectAll().where("key_digest", "=", ""),
      [keyDigest],
    );
    return row && toLicense(row);
  }

  /**
   * Read a license and hold its row lock until the transaction ends, so concurrent activations of one key are
   * decided one after another. SQLite has no row locks: its single writer connection already serialises them.
   */
  /** The row every activation, transfer and seat check-out locks first (compiled once: a hot read). */
  async lockById(id: string): Promise<License | undefined> {
    const [row] = await compiledRows(
      this.db,
      this.dialect,
      undefined, // in the caller's transaction, never the read connection
      "licenses.lockById",
      (db) => {
        const query = db.selectFrom("licenses").selectAll().where("id", "=", "");
        return this.dialect === "postgres" ? query.forUpdate() : query;
      },
      [id],
    );
    return row && toLicense(row);
  }

  async sealedKey(id: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom("licenses")
      .select("sealed_key")
      .where("id", "=", id)
      .executeTakeFirst();
    return row?.sealed_key;
  }

  async list(filter: LicenseFilter = {}): Promise<License[]> {
    let query = this.db
      .selectFrom("licenses")
      .selectAll()
      .orderBy("id")
      .limit(filter.limit ?? 100);
    if (filter.productId !== undefined) query = query.where("product_id", "=", filter.productId);
    if (filter.policyId !== undefined) query = query.where("policy_id", "=", filter.policyId);
    if (filter.status !== undefined) query = query.where("status", "=", filter.status);
    if (filter.ownerEmail !== undefined)
      query = query.where("owner_email", "=", filter.ownerEmail.toLowerCase());
    if (filter.after !== undefined) query = query.where("id", ">", filter.after);
    return (await query.execute()).map(toLicense);
  }

  async update(id: string, patch: LicensePatch): Promise<void> {
    const set: Partial<LicensesTable> = {};
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.statusReason !== undefined) set.status_reason = patch.statusReason;
    if (patch.firstActivatedAt !== undefined) set.first_activated_at = patch.firstActivatedAt;
    if (patch.expiresAt !== undefined) set.expires_at = patch.expiresAt;
    if (patch.ownerEmail !== undefined) set.owner_email = patch.ownerEmail?.toLowerCase() ?? null;
    if (patch.policyId !== undefined) set.policy_id = patch.policyId;
    if (patch.overrides !== undefined)
      set.overrides = patch.overrides === null ? null : JSON.stringify(patch.overrides);
    if (patch.consumedBy !== undefined) set.consumed_by = patch.consumedBy;
    if (patch.baseLicenseId !== undefined) set.base_license_id = patch.baseLicenseId;
    if (patch.boundComponent !== undefined) set.bound_component = jsonOrNull(patch.boundComponent);
    if (patch.warrantyRepair !== undefined) set.warranty_repair = jsonOrNull(patch.warrantyRepair);
    if (patch.entitlementChanges !== undefined)
      set.entitlement_changes = jsonOrNull(patch.entitlementChanges);
    if (patch.pastDueSince !== undefined) set.past_due_since = patch.pastDueSince;
    if (Object.keys(set).length === 0) return;
    await this.db.updateTable("licenses").set(set).where("id", "=", id).execute();
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom("licenses")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

const toRow = (l: IssuedLicense): LicensesTable => ({
  id: l.id,
  product_id: l.productId,
  policy_id: l.policyId,
  key_digest: l.keyDigest,
  sealed_key: l.sealedKey,
  key_hint: l.keyHint,
  status: l.status,
  status_reason: l.statusReason ?? null,
  owner_email: l.ownerEmail?.toLowerCase() ?? null,
  base_license_id: l.baseLicenseId ?? null,
  created_at: l.createdAt,
  first_activated_at: l.firstActivatedAt ?? null,
  expires_at: l.expiresAt ?? null,
  overrides: l.overrides === undefined ? null : JSON.stringify(l.overrides),
  consumed_by: null,
  bound_component: null,
  warranty_repair: null,
  entitlement_changes: null,
  past_due_since: null,
});

export const toLicense = (row: LicensesTable): License => ({
  id: row.id,
  productId: row.product_id,
  policyId: row.policy_id,
  status: row.status as LicenseStatus,
  ...present("statusReason", row.status_reason),
  keyHint: row.key_hint,
  ...present("ownerEmail", row.owner_email),
  ...present("baseLicenseId", row.base_license_id),
  createdAt: row.created_at,
  ...present("firstActivatedAt", row.first_activated_at),
  ...present("expiresAt", row.expires_at),
  ...(row.overrides === null || row.overrides === undefined
    ? {}
    : { overrides: parseJson<LicenseOverrides>(row.overrides) }),
  ...present("consumedBy", row.consumed_by),
  ...present("pastDueSince", row.past_due_since),
  ...jsonField<BoundComponent, "boundComponent">("boundComponent", row.bound_component),
  ...jsonField<WarrantyRepair, "warrantyRepair">("warrantyRepair", row.warranty_repair),
  ...jsonField<EntitlementChanges, "entitlementChanges">("entitlementChanges", row.entitlement_changes),
});

const jsonOrNull = (value: object | null): string | null => (value === null ? null : JSON.stringify(value));

/** A JSON column as an optional domain field: absent when the column is null (or not there yet). */
function jsonField<T, K extends string = string>(key: K, text: string | null | undefined): { [P in K]?: T } {
  return (text === null || text === undefined ? {} : { [key]: parseJson<T>(text) }) as { [P in K]?: T };
}

export type { IssuedLicense, LicenseFilter, LicensePatch } from "../records.js";
