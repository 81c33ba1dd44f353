/** How long a device code waits for its owner's approval: ten minutes (RFC 8628 suggests minutes, not hours). */
export const DEVICE_CODE_LIFETIME_MS = 10 * 60_000;
/** Seconds a device waits between two polls. */
export const DEVICE_CODE_POLL_SECONDS = 5;

/**
 * The letters of user codes: consonants only (no vowels, so no words; no I, O, 0, 1 to misread), as RFC 8628
 * §6.1 suggests. Eight of them: 20^8 ≈ 2.6·10^10 codes, against a guesser limited to a few tries per account.
 */
export const USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";

/**
 * A user code as typed (any case, spaces, hyphens) in its canonical form `XXXX-XXXX`, or `undefined` when it
 * cannot be one.
 * @example
 * canonicalUserCode("bcdf ghjk"); // "BCDF-GHJK"
 */
export function canonicalUserCode(typed: string): string | undefined {
  const letters = typed.toUpperCase().replace(/[\s-]/g, "");
  if (letters.length !== 8 || [...letters].some((ch) => !USER_CODE_ALPHABET.includes(ch))) return undefined;
  return `${letters.slice(0, 4)}-${letters.slice(4)}`;
}
