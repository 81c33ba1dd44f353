import type { KeyObject } from "node:crypto";
import {
  generateSigningKeyPair,
  type LeaseVerifier,
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
/** Keys made in another server process (a rotation) are picked up for signing within this long. */
const REFRESH_INTERVAL_MS = 30_000;

/** One stored key as the keyring keeps it: when it signs, and its private key once unsealed. */
interface HeldKey {
  readonly record: SigningKeyRecord;
  /** Signs from: its `activeFrom`, or always (a key made to sign at once must not wait on clock skew). */
  readonly gate: number;
  /** Newer keys win: by when they became active (or were made), then by kid. */
  readonly order: number;
  readonly until: number;
}

/**
 * The products' signing keys, unsealed once and kept as `KeyObject`s: parsing a key per signature would cost
 * ten times the signature. Keys live in the database, so every server process shares them; each process
 * re-reads them every 30 s (and on an unknown kid or product), so a rotation made through one process
 * reaches the others. Which key signs is decided by the clock: the newest active one (`activeFrom` passed,
 * not yet retired), so a rotation scheduled ahead happens everywhere at the same instant.
 */
export class Keyring {
  private held = new Map<string, HeldKey[]>();
  private unsealed = new Map<string, SigningKey>();
  private verifying = new Map<string, KeyObject>();
  private verifiers = new Map<string, LeaseVerifier>();
  private jwks: PublicJwk[] = [];
  private lastLoad = 0;

  constructor(
    private readonly store: Store,
    private readonly secrets: Secrets,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Create and store a new signing key for a product (inside the caller's transaction when given); it signs
   * from `activeFrom` (default: at once, being the newest).
   */
  async createKey(
    productId: string,
    createdAt: string,
    tx: Repositories = this.store,
    activeFrom?: string,
  ): Promise<SigningKeyRecord> {
    const kid = newId("signingKey");
    const { privatePem, publicJwk } = generateSigningKeyPair(kid);
    const record: SigningKeyRecord = {
      kid,
      productId,
      publicJwk: { kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x },
      sealedPrivateKey: seal(this.secrets, privatePem, kid),
      createdAt,
      ...(activeFrom === undefined ? {} : { activeFrom }),
    };
    await tx.products.insertSigningKey(record);
    this.lastLoad = 0;
    return record;
  }

  /** The key that signs a product's leases and answers now. */
  async signingKeyFor(productId: string): Promise<SigningKey | undefined> {
    const now = this.clock().getTime();
    if (Date.now() - this.lastLoad >= REFRESH_INTERVAL_MS || !this.held.has(productId)) {
      await this.reload(!this.held.has(productId));
    }
    let best: HeldKey | undefined;
    for (const key of this.held.get(productId) ?? []) {
      if (key.gate > now || key.until <= now) continue;
      if (!best || key.order > best.order || (key.order === best.order && key.record.kid > best.record.kid))
        best = key;
    }
    return best && this.unseal(best.record);
  }

  /** Every public key, retired ones included, by kid. */
  async verifyingKeys(kidWanted?: string): Promise<ReadonlyMap<string, KeyObject>> {
    if (this.verifying.size === 0 || (kidWanted !== undefined && !this.verifying.has(kidWanted))) {
      await this.reload(false);
    }
    return this.verifying;
  }

  /**
   * Every key with what it may verify (its product, and when it retired), by kid: what `verifyProductLease`
   * holds a lease to.
   */
  async leaseVerifiers(kidWanted?: string): Promise<ReadonlyMap<string, LeaseVerifier>> {
    if (this.verifiers.size === 0 || (kidWanted !== undefined && !this.verifiers.has(kidWanted))) {
      await this.reload(false);
    }
    return this.verifiers;
  }

  /** The JSON Web Key Set of every product, at most `RELOAD_INTERVAL_MS` old (a new product's key shows up). */
  async publicJwks(): Promise<PublicJwk[]> {
    await this.reload(false);
    return this.jwks;
  }

  private unseal(record: SigningKeyRecord): SigningKey {
    const cached = this.unsealed.get(record.kid);
    if (cached) return cached;
    const key = {
      kid: record.kid,
      privateKey: privateKeyFromPem(unseal(this.secrets, record.sealedPrivateKey, record.kid)),
    };
    this.unsealed.set(record.kid, key);
    return key;
  }

  private async reload(force: boolean): Promise<void> {
    const now = Date.now();
    if (!force && now - this.lastLoad < RELOAD_INTERVAL_MS) return;
    this.lastLoad = now;
    const records = await this.store.products.listSigningKeys();
    const held = new Map<string, HeldKey[]>();
    const verifying = new Map<string, KeyObject>();
    const verifiers = new Map<string, LeaseVerifier>();
    const jwks: PublicJwk[] = [];
    for (const record of records) {
      const key = publicKeyFromJwk(record.publicJwk);
      verifying.set(record.kid, key);
      verifiers.set(record.kid, {
        key,
        productId: record.productId,
        ...(record.retiredAt === undefined ? {} : { retiredAt: Date.parse(record.retiredAt) }),
      });
      jwks.push({ ...record.publicJwk, kid: record.kid, alg: "EdDSA", use: "sig", prd: record.productId });
      const gate = record.activeFrom === undefined ? Number.NEGATIVE_INFINITY : Date.parse(record.activeFrom);
      const order = Date.parse(record.activeFrom ?? record.createdAt);
      const until = record.retiredAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(record.retiredAt);
      const list = held.get(record.productId) ?? [];
      list.push({ record, gate, order, until });
      held.set(record.productId, list);
    }
    this.held = held;
    this.verifying = verifying;
    this.verifiers = verifiers;
    this.jwks = jwks;
  }
}
