import type { License } from "@ninsho/core";
import type { OfflineRepository } from "../contracts.js";
import { parseJson } from "../json.js";
import type { OfflineActivationRecord, OfflineKeyRecord } from "../records.js";
import type { Executor } from "./executor.js";
import { toLicense } from "./licenses.js";

/** Rows per INSERT: well under SQLite's bound-parameter limit for two columns. */
const CHUNK = 500;

/**
 * @example
 * const license = await store.offline.findLicenseByShortId(iid.licenseShortId);
 */
export class KyselyOfflineRepository implements OfflineRepository {
  constructor(private readonly db: Executor) {}

  /** Record licenses' short ids (the caller made sure they are free; the primary key refuses a duplicate). */
  async insertShortIds(
    rows: readonly { readonly licenseId: string; readonly shortId: number }[],
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const values = rows.slice(i, i + CHUNK).map((r) => ({ short_id: r.shortId, license_id: r.licenseId }));
      if (values.length > 0) await this.db.insertInto("license_short_ids").values(values).execute();
    }
  }

  /** Which of these short ids are taken already. */
  async takenShortIds(shortIds: readonly number[]): Promise<Set<number>> {
    const taken = new Set<number>();
    for (let i = 0; i < shortIds.length; i += CHUNK) {
      const chunk = shortIds.slice(i, i + CHUNK);
      if (chunk.length === 0) continue;
      const rows = await this.db
        .selectFrom("license_short_ids")
        .select("short_id")
        .where("short_id", "in", chunk)
        .execute();
      for (const row of rows) taken.add(Number(row.short_id));
    }
    return taken;
  }

  /** The license a short id names. */
  async findLicenseByShortId(shortId: number): Promise<License | undefined> {
    const row = await this.db
      .selectFrom("license_short_ids")
      .innerJoin("licenses", "licenses.id", "license_short_ids.license_id")
      .selectAll("licenses")
      .where("license_short_ids.short_id", "=", shortId)
      .executeTakeFirst();
    return row && toLicense(row);
  }

  async shortIdOf(licenseId: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom("license_short_ids")
      .select("short_id")
      .where("license_id", "=", licenseId)
      .executeTakeFirst();
    return row === undefined ? undefined : Number(row.short_id);
  }

  /** Licenses issued before short ids existed, with their sealed keys, to derive theirs; oldest first. */
  async licensesWithoutShortId(limit: number): Promise<{ id: string; sealedKey: string }[]> {
    const rows = await this.db
      .selectFrom("licenses")
      .leftJoin("license_short_ids", "license_short_ids.license_id", "licenses.id")
      .select(["licenses.id as id", "licenses.sealed_key as sealedKey"])
      .where("license_short_ids.short_id", "is", null)
      .orderBy("licenses.id")
      .limit(limit)
      .execute();
    return rows;
  }

  /** Store a product's offline key unless it has one (or the number is taken); true when this one was stored. */
  async insertKeyIfAbsent(record: OfflineKeyRecord): Promise<boolean> {
    const result = await this.db
      .insertInto("offline_keys")
      .values({
        product_id: record.productId,
        product_number: record.productNumber,
        public_key: record.publicKey,
        sealed_secret_key: record.sealedSecretKey,
        created_at: record.createdAt,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async findKey(productId: string): Promise<OfflineKeyRecord | undefined> {
    const row = await this.db
      .selectFrom("offline_keys")
      .selectAll()
      .where("product_id", "=", productId)
      .executeTakeFirst();
    return row && toKey(row);
  }

  async findKeyByNumber(productNumber: number): Promise<OfflineKeyRecord | undefined> {
    const row = await this.db
      .selectFrom("offline_keys")
      .selectAll()
      .where("product_number", "=", productNumber)
      .executeTakeFirst();
    return row && toKey(row);
  }

  async findActivation(requestId: string): Promise<OfflineActivationRecord | undefined> {
    const row = await this.db
      .selectFrom("offline_activations")
      .selectAll()
      .where("request_id", "=", requestId)
      .executeTakeFirst();
    return (
      row && {
        requestId: row.request_id,
        licenseId: row.license_id,
        deviceId: row.device_id,
        method: row.method === "file" ? "file" : "phone",
        answer: parseJson(row.answer),
        createdAt: row.created_at,
      }
    );
  }

  async insertActivation(record: OfflineActivationRecord): Promise<void> {
    await this.db
      .insertInto("offline_activations")
      .values({
        request_id: record.requestId,
        license_id: record.licenseId,
        device_id: record.deviceId,
        method: record.method,
        answer: JSON.stringify(record.answer),
        created_at: record.createdAt,
      })
      .execute();
  }
}

const toKey = (row: {
  product_id: string;
  product_number: number;
  public_key: string;
  sealed_secret_key: string;
  created_at: string;
}): OfflineKeyRecord => ({
  productId: row.product_id,
  productNumber: Number(row.product_number),
  publicKey: row.public_key,
  sealedSecretKey: row.sealed_secret_key,
  createdAt: row.created_at,
});

export type { OfflineActivationRecord, OfflineKeyRecord } from "../records.js";
