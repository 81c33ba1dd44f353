import type { Problem } from "../result.js";

/** Shortest password accepted, in characters (NIST SP 800-63B asks for at least 8; we ask a little more). */
export const PASSWORD_MIN_LENGTH = 10;
/** Longest password accepted, in characters: long passphrases pass, a megabyte to hash does not. */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Passwords so common that a guesser tries them first. A short list on purpose: composition rules and
 * long block lists push people to worse habits; length does the rest (NIST SP 800-63B §5.1.1.2).
 */
const COMMON = new Set([
  "password",
  "password1",
  "password12",
  "password123",
  "passw0rd",
  "1234567890",
  "12345678910",
  "0123456789",
  "qwertyuiop",
  "1q2w3e4r5t",
  "iloveyou12",
  "letmein123",
  "welcome123",
  "abcdefghij",
  "administrator",
  "changeme123",
  "qwerty1234",
  "qwerty12345",
  "asdfghjkl;",
  "trustno1234",
]);

/**
 * Why a new password is refused, or `undefined` when it is accepted: too short, too long, one character
 * repeated, a well-known password, or the account's own email address. Decided before anything is looked up, so
 * the answer is the same whether the email has an account or not.
 * @example
 * passwordProblem("correct horse battery", "aiko@example.jp"); // undefined
 * passwordProblem("short", "aiko@example.jp")?.code; // "PASSWORD_TOO_WEAK"
 */
export function passwordProblem(password: string, email: string): Problem | undefined {
  const characters = [...password];
  const weak = (reason: string): Problem => ({
    code: "PASSWORD_TOO_WEAK",
    params: { reason, min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH },
  });
  if (characters.length < PASSWORD_MIN_LENGTH) return weak("short");
  if (characters.length > PASSWORD_MAX_LENGTH) return weak("long");
  if (new Set(characters).size === 1) return weak("repeated");
  const folded = password.normalize("NFKC").toLowerCase();
  if (COMMON.has(folded)) return weak("common");
  const local = email.split("@")[0] ?? "";
  if (folded === email.toLowerCase() || (local.length >= 4 && folded === local.toLowerCase()))
    return weak("email");
  return undefined;
}

/** scrypt's cost: N = 2^logN, block size r, parallelism p. */
export interface ScryptCost {
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}

/**
 * The cost new password hashes are made with: N = 2^15, r = 8, p = 3, one of the settings the OWASP Password
 * Storage Cheat Sheet lists for scrypt (32 MiB of memory per hash, so a guesser's GPU gets few hashes in
 * parallel, while four sign-ins at once stay within 128 MiB on the server).
 */
export const DEFAULT_SCRYPT_COST: ScryptCost = { logN: 15, r: 8, p: 3 };

/** A stored hash, read: its cost, salt and derived key (base64, as in the PHC string format). */
export interface ParsedPasswordHash {
  readonly cost: ScryptCost;
  readonly salt: string;
  readonly hash: string;
}

/**
 * A hash as stored, `$scrypt$ln=15,r=8,p=3$<salt>$<key>` (PHC string format), or the parts of one.
 * @example
 * formatPasswordHash({ cost: DEFAULT_SCRYPT_COST, salt: "c2FsdA", hash: "a2V5" });
 */
export const formatPasswordHash = ({ cost, salt, hash }: ParsedPasswordHash): string =>
  `$scrypt$ln=${cost.logN},r=${cost.r},p=${cost.p}$${salt}$${hash}`;

/**
 * Read a stored hash; `undefined` when it is not one this server makes.
 * @example
 * parsePasswordHash("$scrypt$ln=15,r=8,p=3$c2FsdA$a2V5")?.cost.logN; // 15
 */
export function parsePasswordHash(text: string): ParsedPasswordHash | undefined {
  const match = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(
    text,
  );
  if (!match) return undefined;
  const [, logN, r, p, salt, hash] = match;
  if (salt === undefined || hash === undefined) return undefined;
  return { cost: { logN: Number(logN), r: Number(r), p: Number(p) }, salt, hash };
}

/**
 * Whether a hash made at `cost` should be made again at `target` at the next sign-in (when the password is at
 * hand): the cost is raised over the years, never lowered.
 * @example
 * needsRehash({ logN: 14, r: 8, p: 1 }, DEFAULT_SCRYPT_COST); // true
 */
export const needsRehash = (cost: ScryptCost, target: ScryptCost): boolean =>
  2 ** cost.logN * cost.r * cost.p < 2 ** target.logN * target.r * target.p;
