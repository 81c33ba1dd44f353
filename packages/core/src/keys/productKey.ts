import { randomBytes } from "node:crypto";
import { reason } from "../errors/reasons.js";
import { fail, ok, type Result } from "../result.js";
import { checkSymbolFor, groupIsValid } from "./checkSymbol.js";

/** The 24 symbols of a product key: no vowels (no words), none of 0/O, 1/I/L, 5/S, 2/Z look-alikes but 2. */
export const KEY_ALPHABET = "BCDFGHJKMPQRTVWXY2346789";
export const KEY_GROUPS = 5;
export const KEY_GROUP_LENGTH = 5;
const KEY_SYMBOLS = KEY_GROUPS * KEY_GROUP_LENGTH;

/** A product key in canonical form: five groups of five symbols joined by hyphens. */
export type ProductKey = string & { readonly __brand: "ProductKey" };

const symbolIndex = new Map([...KEY_ALPHABET].map((symbol, index) => [symbol, index]));

/**
 * Everything people type between symbols: spaces of every width, ASCII and Unicode dashes, and the katakana
 * prolonged-sound mark (ー) that a Japanese IME produces for "-". NFKC has already folded full-width forms.
 */
const SEPARATORS = /[\s\-_.\u2010-\u2015\u2212\u30fc\ufe58\ufe63]/gu;

/** Fold what a person typed into bare key symbols: NFKC (full-width → ASCII), upper case, separators removed. */
export const normalizeKeyInput = (input: string): string =>
  input.normalize("NFKC").toUpperCase().replace(SEPARATORS, "");

/** Why a typed key was refused: which groups, and what kind of mistake. */
export interface KeyMalformation {
  readonly kind: "length" | "character" | "checksum";
  /** 1-based group numbers at fault (empty when the length is wrong). */
  readonly groups: readonly number[];
  /** Symbols counted after normalising. */
  readonly length: number;
  /** Characters that never occur in a key, as typed. */
  readonly invalidCharacters: readonly string[];
}

/**
 * Parse a product key as a person typed it. The check symbol of each group catches every single mistyped
 * symbol and every swap of two neighbours before any network call, and names the group it is in.
 */
export function parseProductKey(input: string): Result<ProductKey> {
  const bare = normalizeKeyInput(input);
  if (bare.length !== KEY_SYMBOLS) {
    const details: KeyMalformation = {
      kind: "length",
      groups: [],
      length: bare.length,
      invalidCharacters: [],
    };
    return fail(
      "KEY_MALFORMED",
      { reason: reason("KEY_LENGTH", { length: bare.length, expected: KEY_SYMBOLS }) },
      details,
    );
  }
  const badCharacterGroups: number[] = [];
  const invalidCharacters: string[] = [];
  const checksumGroups: number[] = [];
  for (let group = 0; group < KEY_GROUPS; group++) {
    const text = bare.slice(group * KEY_GROUP_LENGTH, (group + 1) * KEY_GROUP_LENGTH);
    const indexes = [...text].map((symbol) => symbolIndex.get(symbol));
    const unknown = [...text].filter((symbol) => !symbolIndex.has(symbol));
    if (unknown.length > 0) {
      badCharacterGroups.push(group + 1);
      invalidCharacters.push(...unknown);
    } else if (!groupIsValid(group, indexes as number[])) {
      checksumGroups.push(group + 1);
    }
  }
  if (badCharacterGroups.length > 0) {
    const details: KeyMalformation = {
      kind: "character",
      groups: badCharacterGroups,
      length: bare.length,
      invalidCharacters,
    };
    return fail(
      "KEY_MALFORMED",
      {
        reason: reason("KEY_CHARACTERS", {
          count: badCharacterGroups.length,
          groups: badCharacterGroups,
          characters: [...new Set(invalidCharacters)].map((c) => `"${c}"`),
        }),
      },
      details,
    );
  }
  if (checksumGroups.length > 0) {
    const details: KeyMalformation = {
      kind: "checksum",
      groups: checksumGroups,
      length: bare.length,
      invalidCharacters,
    };
    return fail(
      "KEY_MALFORMED",
      { reason: reason("KEY_TYPO", { count: checksumGroups.length, groups: checksumGroups }) },
      details,
    );
  }
  return ok(formatGroups(bare) as ProductKey);
}

const formatGroups = (bare: string): string => {
  const groups: string[] = [];
  for (let g = 0; g < KEY_GROUPS; g++)
    groups.push(bare.slice(g * KEY_GROUP_LENGTH, (g + 1) * KEY_GROUP_LENGTH));
  return groups.join("-");
};

/** Fills a buffer of unbiased random symbol indexes, drawing fresh CSPRNG bytes as needed. */
class SymbolSource {
  private pool = Buffer.alloc(0);
  private offset = 0;

  next(): number {
    for (;;) {
      if (this.offset >= this.pool.length) {
        this.pool = randomBytes(4096);
        this.offset = 0;
      }
      const byte = this.pool[this.offset++] ?? 255;
      // 240 is the largest multiple of 24 below 256: rejecting the rest keeps every symbol equally likely.
      if (byte < 240) return byte % KEY_ALPHABET.length;
    }
  }
}

const sharedSource = new SymbolSource();

/**
 * A new random product key (about 91.7 bits of CSPRNG entropy: 20 free symbols of 24).
 * @example
 * const key = generateProductKey(); // "K7QXM-2H9RB-…"
 */
export function generateProductKey(): ProductKey {
  const groups: string[] = [];
  const data = [0, 0, 0, 0];
  for (let group = 0; group < KEY_GROUPS; group++) {
    for (let i = 0; i < KEY_GROUP_LENGTH - 1; i++) data[i] = sharedSource.next();
    const check = checkSymbolFor(group, data);
    groups.push([...data, check].map((index) => KEY_ALPHABET[index]).join(""));
  }
  return groups.join("-") as ProductKey;
}
