import type { Product, SigningKeyRecord } from "@ninsho/core";
import type { ProductRepository } from "../contracts.js";
import { parseJson, present } from "../json.js";
import type { ProductPatch } from "../records.js";
import type { ProductsTable, SigningKeysTable } from "../schema.js";
import type { Executor } from "./executor.js";

export class KyselyProductRepository implements ProductRepository {
  constructor(private readonly db: Executor) {}

  async insert(product: Product): Promise<void> {
    await this.db
      .insertInto("products")
      .values({
        id: product.id,
        name: product.name,
        created_at: product.createdAt,
        phone_features: product.phoneFeatures ? JSON.stringify(product.phoneFeatures) : null,
      })
      .execute();
  }

  async findById(id: string): Promise<Product | undefined> {
    const row = await this.db.selectFrom("products").selectAll().where("id", "=", id).executeTakeFirst();
    return row && toProduct(row);
  }

  /** Rename, archive (`archivedAt` null: restore) or give a new phone feature list. */
  async update(id: string, patch: ProductPatch): Promise<void> {
    const set: Partial<ProductsTable> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.archivedAt !== undefined) set.archived_at = patch.archivedAt;
    if (patch.phoneFeatures !== undefined) set.phone_features = JSON.stringify(patch.phoneFeatures);
    if (Object.keys(set).length === 0) return;
    await this.db.updateTable("products").set(set).where("id", "=", id).execute();
  }

  async list(): Promise<Product[]> {
    const rows = await this.db.selectFrom("products").selectAll().orderBy("id").execute();
    return rows.map(toProduct);
  }

  async insertSigningKey(key: SigningKeyRecord): Promise<void> {
    await this.db
      .insertInto("signing_keys")
      .values({
        kid: key.kid,
        product_id: key.productId,
        public_jwk: JSON.stringify(key.publicJwk),
        sealed_private_key: key.sealedPrivateKey,
        created_at: key.createdAt,
        active_from: key.activeFrom ?? null,
        retired_at: key.retiredAt ?? null,
      })
      .execute();
  }

  /** Every signing key, retired ones included (they still verify the leases they signed). */
  async listSigningKeys(productId?: string): Promise<SigningKeyRecord[]> {
    let query = this.db.selectFrom("signing_keys").selectAll().orderBy("kid");
    if (productId !== undefined) query = query.where("product_id", "=", productId);
    return (await query.execute()).map(toSigningKey);
  }

  async retireSigningKey(kid: string, at: string): Promise<void> {
    await this.db.updateTable("signing_keys").set({ retired_at: at }).where("kid", "=", kid).execute();
  }

  /**
   * Retire a product's keys other than `exceptKid` at `at` (a rotation's hand-over instant); keys retired
   * earlier keep their date. Returns the kids it retired.
   */
  async retireSigningKeysAt(productId: string, exceptKid: string, at: string): Promise<string[]> {
    const rows = await this.db
      .updateTable("signing_keys")
      .set({ retired_at: at })
      .where("product_id", "=", productId)
      .where("kid", "!=", exceptKid)
      .where((eb) => eb.or([eb("retired_at", "is", null), eb("retired_at", ">", at)]))
      .returning("kid")
      .execute();
    return rows.map((row) => row.kid).sort();
  }
}

const toSigningKey = (row: SigningKeysTable): SigningKeyRecord => ({
  kid: row.kid,
  productId: row.product_id,
  publicJwk: parseJson(row.public_jwk),
  sealedPrivateKey: row.sealed_private_key,
  createdAt: row.created_at,
  ...present("activeFrom", row.active_from),
  ...present("retiredAt", row.retired_at),
});

const toProduct = (row: ProductsTable): Product => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
  ...present("archivedAt", row.archived_at ?? null),
  ...(row.phone_features ? { phoneFeatures: parseJson<string[]>(row.phone_features) } : {}),
});
