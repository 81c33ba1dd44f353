import { createHash, createHmac } from "node:crypto";
import type { ProductKey } from "../keys/productKey.js";

/**
 * What a device that holds only its product key derives from it for offline activation. Nothing here needs a
 * server secret: a machine that has never been online builds its installation ID or request file from the key.
 */

/** Bits of a license's short id. The server keeps them unique: a key whose id is taken is never issued. */
export const SHORT_ID_BITS = 40;

/**
 * The license's short id: the first 40 bits of SHA-256 over a label and the canonical key. It names the license
 * in an installation ID without revealing the key (91.7 bits of it stay unknown to anyone who reads it).
 * @example
 * licenseShortId(parsedKey); // 868152380116 (some number below 2^40)
 */
export function licenseShortId(key: ProductKey): number {
  const digest = createHash("sha256").update("ninsho/license-short-id/v1\0").update(key).digest();
  return digest.readUIntBE(0, SHORT_ID_BITS / 8);
}

/**
 * The key that authenticates offline requests: HMAC-SHA256 keyed with the canonical product key. A request
 * made with it proves its maker holds the key, so an installation ID someone overheard activates nothing else.
 * @example
 * const proofKey = offlineProofKey(parsedKey);
 */
export const offlineProofKey = (key: ProductKey): Buffer =>
  createHmac("sha256", key).update("ninsho/offline-proof-key/v1").digest();

/**
 * HMAC-SHA256 of `data` under the proof key, bound to a purpose (`domain`) so one proof never serves another.
 * @example
 * offlineProof(offlineProofKey(key), "ninsho/iid/v1", bytes); // 32 bytes
 */
export const offlineProof = (proofKey: Buffer, domain: string, data: Uint8Array | string): Buffer =>
  createHmac("sha256", proofKey).update(`${domain}\0`).update(data).digest();
