import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { fromBase64Url, toBase64Url } from "./base64url.js";

/**
 * Keys derived from the server's master key, one per purpose, so that no secret is ever used for two jobs.
 * A stolen database alone reveals no usable product key and no private signing key.
 */
export interface Secrets {
  /** HMAC key for the product-key lookup digest. */
  readonly keyLookup: Buffer;
  /** AES-256-GCM key that seals values an admin must be able to read again (product keys, private keys). */
  readonly sealing: Buffer;
  /**
   * HMAC key of the stored component digests (`keyedDigest`): the database keeps only digests under it, so a
   * stolen database cannot be searched for a known MAC or serial without the master key.
   */
  readonly componentDigests: Buffer;
}

/** The master key must be 32 random bytes. */
export const MASTER_KEY_BYTES = 32;

export function deriveSecrets(masterKey: Buffer): Secrets {
  if (masterKey.length !== MASTER_KEY_BYTES)
    throw new RangeError(`master key must be ${MASTER_KEY_BYTES} bytes`);
  const derive = (purpose: string) => Buffer.from(hkdfSync("sha256", masterKey, "ninsho", purpose, 32));
  return {
    keyLookup: derive("product-key-lookup/v1"),
    sealing: derive("sealing/v1"),
    componentDigests: derive("component-digests/v1"),
  };
}

/** The lookup digest of a canonical product key: what the database indexes instead of the key. */
export const keyLookupDigest = (secrets: Secrets, canonicalKey: string): string =>
  createHmac("sha256", secrets.keyLookup).update(canonicalKey).digest("base64url");

const SEAL_VERSION = "v1";

/**
 * Fresh 96-bit IVs cut from a pooled CSPRNG buffer: bulk key issue seals a million keys, and one small
 * `randomBytes` call each costs more than the cipher. Every IV is still random and never reused.
 */
let ivPool = Buffer.alloc(0);
let ivOffset = 0;
function nextIv(): Buffer {
  if (ivOffset + 12 > ivPool.length) {
    ivPool = randomBytes(12 * 4096);
    ivOffset = 0;
  }
  const iv = Buffer.from(ivPool.subarray(ivOffset, ivOffset + 12));
  ivOffset += 12;
  return iv;
}

/** Encrypt a value for storage: `v1.<iv>.<ciphertext>.<tag>`, authenticated with `context` (e.g. the row id). */
export function seal(secrets: Secrets, plaintext: string, context: string): string {
  const iv = nextIv();
  const cipher = createCipheriv("aes-256-gcm", secrets.sealing, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [SEAL_VERSION, toBase64Url(iv), toBase64Url(body), toBase64Url(cipher.getAuthTag())].join(".");
}

/** Decrypt a sealed value; throws when it was altered, moved to another row, or sealed under another master key. */
export function unseal(secrets: Secrets, sealed: string, context: string): string {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== SEAL_VERSION || iv === undefined || body === undefined || tag === undefined) {
    throw new Error("sealed value has an unknown format");
  }
  // Without authTagLength Node accepts a tag truncated to 4 bytes, which makes forging a sealed value cheap.
  const decipher = createDecipheriv("aes-256-gcm", secrets.sealing, fromBase64Url(iv), { authTagLength: 16 });
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(fromBase64Url(tag));
  return Buffer.concat([decipher.update(fromBase64Url(body)), decipher.final()]).toString("utf8");
}

/** Digest of a high-entropy bearer token; tokens are random, so a plain SHA-256 cannot be brute-forced. */
export const tokenDigest = (token: string): string => createHash("sha256").update(token).digest("base64url");
