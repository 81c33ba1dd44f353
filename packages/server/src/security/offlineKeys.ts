import { randomInt } from "node:crypto";
import { generateOfflineKeyPair, type Secrets, seal, unseal } from "@ninsho/core";
import type { OfflineKeyRecord, Repositories, Store } from "@ninsho/store";

/** Tries at a free random product number before giving up (the space holds 65,535). */
const NUMBER_TRIES = 64;

/**
 * Each product's number and BLS key pair for confirmation IDs, made with the product (or on first use for a
 * product made before offline activation existed) and sealed at rest like its Ed25519 key. Secrets are unsealed
 * once per process and kept.
 * @example
 * const record = await deps.offline.keys.ensure(productId, new Date().toISOString());
 * const secret = deps.offline.keys.secretKeyOf(record);
 */
export class OfflineKeyring {
  private readonly secretsByProduct = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly secrets: Secrets,
  ) {}

  /**
   * The product's offline key record, made now if it has none (inside the caller's transaction when given).
   * Concurrent callers agree: the first insert wins and the others read it.
   */
  async ensure(
    productId: string,
    createdAt: string,
    tx: Repositories = this.store,
  ): Promise<OfflineKeyRecord> {
    const existing = await tx.offline.findKey(productId);
    if (existing) return existing;
    const { secretKey, publicKey } = generateOfflineKeyPair();
    for (let attempt = 0; attempt < NUMBER_TRIES; attempt++) {
      const record: OfflineKeyRecord = {
        productId,
        productNumber: randomInt(1, 0x10000),
        publicKey,
        sealedSecretKey: seal(this.secrets, secretKey, `offline:${productId}`),
        createdAt,
      };
      if (await tx.offline.insertKeyIfAbsent(record)) return record;
      const raced = await tx.offline.findKey(productId);
      if (raced) return raced;
    }
    throw new Error("no free product number: this server has too many products for 16-bit numbers");
  }

  /** The secret scalar (hex) that signs a product's confirmation IDs. */
  secretKeyOf(record: OfflineKeyRecord): string {
    const cached = this.secretsByProduct.get(record.productId);
    if (cached !== undefined) return cached;
    const secret = unseal(this.secrets, record.sealedSecretKey, `offline:${record.productId}`);
    this.secretsByProduct.set(record.productId, secret);
    return secret;
  }
}
