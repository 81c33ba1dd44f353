import type { KeyObject } from "node:crypto";
import {
  generateSigningKeyPair,
  newId,
  type PublicJwk,
  privateKeyFromPem,
  publicKeyFromJwk,
  type Secrets,
  type SigningKey,
  type SigningKeyRecord,
  seal,
  unseal,
} from "@ninsho/core";
import type { Repositories, Store } from "@ninsho/store";

/** A miss on an unknown `kid` reloads from the database at most this often, so garbage cannot hammer it. */
const RELOAD_INTERVAL_MS = 1000;

/**
 * The products' signing keys, unsealed once and kept as `KeyObject`s: parsing a key per signature would cost
 * ten times the signature. Keys live in the database, so every server process shares them.
 */
export class Keyring {
  private signing = new Map<string, SigningKey>();
  private verifying = new Map<string, KeyObject>();
  private jwks: PublicJwk[] = [];
  private lastLoad = 0;

  constructor(
    private readonly store: Store,
    private readonly secrets: Secrets,
  ) {}

  /** Create and store a new signing key for a product (inside the caller's transaction when given). */
  async createKey(
    productId: string,
    createdAt: string,
    tx: Repositories = this.store,
  ): Promise<SigningKeyRecord> {
    const kid = newId("signingKey");
    const { privatePem, publicJwk } = generateSigningKeyPair(kid);
    const record: SigningKeyRecord = {
      kid,
      productId,
      publicJwk: { kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x },
      sealedPrivateKey: seal(this.secrets, privatePem, kid),
      createdAt,
    };
    await tx.products.insertSigningKey(record);
    this.lastLoad = 0;
    return record;
  }

  /** The key that signs a product's leases and answers now. */
  async signingKeyFor(productId: string): Promise<SigningKey | undefined> {
    const cached = this.signing.get(productId);
    if (cached) return cached;
    await this.reload(true);
    return this.signing.get(productId);
  }

  /** Every public key, retired ones included, by kid. */
  async verifyingKeys(kidWanted?: string): Promise<ReadonlyMap<string, KeyObject>> {
    if (this.verifying.size === 0 || (kidWanted !== undefined && !this.verifying.has(kidWanted))) {
      await this.reload(false);
    }
    return this.verifying;
  }

  /** The JSON Web Key Set of every product, at most `RELOAD_INTERVAL_MS` old (a new product's key shows up). */
  async publicJwks(): Promise<PublicJwk[]> {
    await this.reload(false);
    return this.jwks;
  }

  private async reload(force: boolean): Promise<void> {
    const now = Date.now();
    if (!force && now - this.lastLoad < RELOAD_INTERVAL_MS) return;
    this.lastLoad = now;
    const records = await this.store.products.listSigningKeys();
    const signing = new Map<string, SigningKey>();
    const verifying = new Map<string, KeyObject>();
    const jwks: PublicJwk[] = [];
    for (const record of records) {
      verifying.set(record.kid, publicKeyFromJwk(record.publicJwk));
      jwks.push({ ...record.publicJwk, kid: record.kid, alg: "EdDSA", use: "sig" });
      // Records come sorted by kid, which sorts by time: the newest unretired key of a product wins.
      if (record.retiredAt === undefined) {
        const existing = this.signing.get(record.productId);
        const key =
          existing?.kid === record.kid
            ? existing
            : {
                kid: record.kid,
                privateKey: privateKeyFromPem(unseal(this.secrets, record.sealedPrivateKey, record.kid)),
              };
        signing.set(record.productId, key);
      }
    }
    this.signing = signing;
    this.verifying = verifying;
    this.jwks = jwks;
  }
}
