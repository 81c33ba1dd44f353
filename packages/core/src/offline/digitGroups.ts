import { ok, type Result } from "../result.js";
import { dammCheckDigit, dammIsValid } from "./damm.js";

/** Digits per group as people read them: five data digits, then the group's Damm check digit. */
export const GROUP_LENGTH = 6;
export const GROUP_DATA_DIGITS = GROUP_LENGTH - 1;

/** Group `index` (0-based) folds from its position, so a group typed into the wrong slot fails 9 times in 10. */
const seedOf = (index: number): number => index % 10;

/**
 * Everything people put between digits: spaces of every width, ASCII and Unicode dashes, dots, and the
 * katakana prolonged-sound mark (ー) a Japanese IME types for "-". NFKC has already made full-width digits ASCII.
 */
const SEPARATORS = /[\s\-_.\u2010-\u2015\u2212\u30fc\ufe58\ufe63]+/u;

/** Why typed digits were refused, and which groups (1-based) are at fault. */
export interface DigitCodeMalformation {
  readonly kind: "length" | "character" | "checksum" | "version" | "range";
  /** 1-based groups at fault; empty when the count of digits is wrong and no group can be blamed. */
  readonly groups: readonly number[];
  /** Digits counted after normalising. */
  readonly length: number;
  readonly expectedLength: number;
  /** Characters that are not digits, as typed. */
  readonly invalidCharacters: readonly string[];
}

/**
 * Append each group's check digit to data digits (a multiple of five) and return the groups.
 * @example
 * toDigitGroups("1234567890"); // ["12345x", "67890y"], each ending in its check digit
 */
export function toDigitGroups(data: string): string[] {
  if (!/^[0-9]*$/.test(data) || data.length % GROUP_DATA_DIGITS !== 0)
    throw new RangeError("data must be decimal digits, a multiple of five long");
  const groups: string[] = [];
  for (let i = 0; i * GROUP_DATA_DIGITS < data.length; i++) {
    const part = data.slice(i * GROUP_DATA_DIGITS, (i + 1) * GROUP_DATA_DIGITS);
    groups.push(part + dammCheckDigit(seedOf(i), part));
  }
  return groups;
}

/**
 * How one group typed so far stands, for checking each group as it is typed (the phone page).
 * @example
 * digitGroupStatus(0, "123"); // "incomplete"
 */
export function digitGroupStatus(index: number, typed: string): "valid" | "invalid" | "incomplete" {
  const text = typed.normalize("NFKC").replace(new RegExp(SEPARATORS, "gu"), "");
  if (!/^[0-9]*$/.test(text) || text.length > GROUP_LENGTH) return "invalid";
  if (text.length < GROUP_LENGTH) return "incomplete";
  return dammIsValid(seedOf(index), text) ? "valid" : "invalid";
}

const problem = (
  kind: DigitCodeMalformation["kind"],
  groups: readonly number[],
  length: number,
  expectedGroups: number,
  invalidCharacters: readonly string[] = [],
): { readonly ok: false; readonly error: DigitCodeMalformation } => ({
  ok: false,
  error: { kind, groups, length, expectedLength: expectedGroups * GROUP_LENGTH, invalidCharacters },
});

/** Check each complete group; the data digits when all pass. */
function checkGroups(groups: readonly string[], length: number): Result<string, DigitCodeMalformation> {
  const bad = groups.flatMap((group, i) => (dammIsValid(seedOf(i), group) ? [] : [i + 1]));
  if (bad.length > 0) return problem("checksum", bad, length, groups.length);
  return ok(groups.map((group) => group.slice(0, GROUP_DATA_DIGITS)).join(""));
}

/**
 * The groups as typed, split at any separators (full-width digits made ASCII), and the characters in them: for
 * a code with more than one length to pick the one typed before reading it.
 * @example
 * typedGroups("123455 678905"); // { groups: 2, length: 12 }
 */
export function typedGroups(input: string): { readonly groups: number; readonly length: number } {
  const tokens = input
    .normalize("NFKC")
    .split(SEPARATORS)
    .filter((token) => token !== "");
  return { groups: tokens.length, length: tokens.join("").length };
}

/**
 * Read `expectedGroups` groups of digits as a person typed them (any separators, full-width digits) and return
 * the data digits without their check digits. When the groups were typed apart, a group of the wrong length is
 * named; otherwise the digits are cut into groups of six.
 * @example
 * parseDigitGroups("123455-678905", 2); // { ok: true, value: "1234567890" } when both checks hold
 */
export function parseDigitGroups(
  input: string,
  expectedGroups: number,
): Result<string, DigitCodeMalformation> {
  const tokens = input
    .normalize("NFKC")
    .split(SEPARATORS)
    .filter((token) => token !== "");
  const bare = tokens.join("");
  const invalid = [...bare].filter((ch) => ch < "0" || ch > "9");
  const groupOfBare = (position: number) => Math.floor(position / GROUP_LENGTH) + 1;
  if (tokens.length === expectedGroups) {
    const withBadCharacters = tokens.flatMap((t, i) => (/^[0-9]*$/.test(t) ? [] : [i + 1]));
    if (withBadCharacters.length > 0)
      return problem("character", withBadCharacters, bare.length, expectedGroups, invalid);
    const wrongLength = tokens.flatMap((t, i) => (t.length === GROUP_LENGTH ? [] : [i + 1]));
    if (wrongLength.length === 0) return checkGroups(tokens, bare.length);
    // Separators in the wrong places but every digit there: read the digits as one run below.
    if (bare.length !== expectedGroups * GROUP_LENGTH)
      return problem("length", wrongLength, bare.length, expectedGroups);
  }
  if (invalid.length > 0) {
    const at = [...bare].flatMap((ch, i) => (ch < "0" || ch > "9" ? [groupOfBare(i)] : []));
    return problem("character", [...new Set(at)], bare.length, expectedGroups, invalid);
  }
  if (bare.length !== expectedGroups * GROUP_LENGTH)
    return problem("length", [], bare.length, expectedGroups);
  const groups: string[] = [];
  for (let i = 0; i < expectedGroups; i++) groups.push(bare.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH));
  return checkGroups(groups, bare.length);
}

/**
 * A malformation of a later stage (version, range) in the same shape, for one code's answer.
 * @example
 * laterMalformation("version", [1], 9).kind; // "version"
 */
export const laterMalformation = (
  kind: "version" | "range",
  groups: readonly number[],
  expectedGroups: number,
): DigitCodeMalformation => ({
  kind,
  groups,
  length: expectedGroups * GROUP_LENGTH,
  expectedLength: expectedGroups * GROUP_LENGTH,
  invalidCharacters: [],
});

/**
 * Groups joined for display and reading aloud.
 * @example
 * formatDigitGroups(["123455", "678905"]); // "123455-678905"
 */
export const formatDigitGroups = (groups: readonly string[]): string => groups.join("-");
