import { createHmac, randomBytes } from "node:crypto";
import { tokenDigest } from "@ninsho/core";

/**
 * A new random token for a link, a session or a sign-in challenge: 256 bits, base64url. Only its digest
 * (`tokenDigest`, SHA-256: the token is random, so the digest cannot be guessed back) is stored.
 * @example
 * const token = newAccountToken();
 * await tx.accountTokens.insert({ digest: tokenDigest(token), … });
 */
export const newAccountToken = (): string => randomBytes(32).toString("base64url");

export { tokenDigest };

/** Crockford's base32 without I, L, O, U: nothing to mistake when read off paper. */
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A recovery code: 16 symbols of base32 (80 bits) in four groups, e.g. `7KQ2-M9XD-4T8R-PZ3C`.
 * @example
 * const code = newRecoveryCode();
 */
export function newRecoveryCode(): string {
  const bytes = randomBytes(16);
  const symbols = [...bytes].map((byte) => CODE_ALPHABET[byte & 31] ?? "0").join("");
  return symbols.match(/.{4}/g)?.join("-") ?? symbols;
}

/** A recovery code as typed (any case, spaces or hyphens) back to its canonical symbols. */
export const canonicalRecoveryCode = (typed: string): string =>
  typed.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");

/**
 * A keyed digest (HMAC-SHA-256 under an account key): for recovery codes, and for the emails that name sign-in
 * counters, so the counters' names say nothing about who signs in.
 * @example
 * keyedDigest(keys.digests, "recovery", canonicalRecoveryCode(code));
 */
export const keyedDigest = (key: Buffer, purpose: string, value: string): string =>
  createHmac("sha256", key).update(`${purpose}\n${value}`).digest("base64url");
