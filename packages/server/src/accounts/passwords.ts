import { createHmac, randomBytes, type ScryptOptions, scrypt } from "node:crypto";
import {
  DEFAULT_SCRYPT_COST,
  formatPasswordHash,
  needsRehash,
  parsePasswordHash,
  type ScryptCost,
  sameBytes,
} from "@ninsho/core";

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

const derive = (secret: Buffer, salt: Buffer, cost: ScryptCost): Promise<Buffer> => {
  const N = 2 ** cost.logN;
  // Room for the 128 · N · r bytes scrypt needs, and no more: a wild stored cost fails instead of exhausting memory.
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 128 * N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
};

/** The password under the pepper: what scrypt hashes (NFC first, so the same password typed on any OS matches). */
const peppered = (pepper: Buffer, password: string): Buffer =>
  createHmac("sha256", pepper).update(password.normalize("NFC")).digest();

/** Base64 without `=` padding, as the PHC string format writes it. */
const unpadded = (bytes: Buffer): string => bytes.toString("base64").replace(/=+$/, "");

/**
 * Hash a new password with scrypt (in libuv's thread pool, not on the event loop) under the pepper.
 * @example
 * const stored = await hashPassword(keys.passwordPepper, "correct horse battery", DEFAULT_SCRYPT_COST);
 */
export async function hashPassword(pepper: Buffer, password: string, cost: ScryptCost): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(peppered(pepper, password), salt, cost);
  return formatPasswordHash({ cost, salt: unpadded(salt), hash: unpadded(key) });
}

/**
 * Whether `password` is the one `stored` was made from, and whether to store a new hash at `target` cost.
 * @example
 * const check = await verifyPassword(pepper, typed, account.passwordHash, settings.scryptCost);
 */
export async function verifyPassword(
  pepper: Buffer,
  password: string,
  stored: string,
  target: ScryptCost,
): Promise<{ readonly ok: boolean; readonly rehash: boolean }> {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return { ok: false, rehash: false };
  const expected = Buffer.from(parsed.hash, "base64");
  const key = await derive(peppered(pepper, password), Buffer.from(parsed.salt, "base64"), parsed.cost);
  const ok = sameBytes(key, expected);
  return { ok, rehash: ok && needsRehash(parsed.cost, target) };
}

/**
 * Spend the time of one verification without an account to verify against, so an unknown email costs what a
 * known one does (the answer is the same; this keeps the time close too).
 * @example
 * if (!account) await burnVerification(pepper, typed, settings.scryptCost);
 */
export async function burnVerification(pepper: Buffer, password: string, cost: ScryptCost): Promise<void> {
  await derive(peppered(pepper, password), randomBytes(SALT_LENGTH), cost);
}

export { DEFAULT_SCRYPT_COST };
