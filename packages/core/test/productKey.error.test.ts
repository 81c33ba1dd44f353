import {
  describe as describeProblem,
  generateProductKey,
  KEY_ALPHABET,
  KEY_GROUP_LENGTH,
  KEY_GROUPS,
  type KeyMalformation,
  type Problem,
  parseProductKey,
  type Result,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { foldSymbols } from "../src/keys/checkSymbol.js";

// Plain local bindings for the hot loop: under vitest an imported binding is a property read on a module object.
const ORDER = KEY_ALPHABET.length; // 331,776

/** Keys computed when the codec was written: keys printed on boxes must stay valid forever. */
const KNOWN_KEYS = [
  "BBBBB-BBBBC-BBBBD-BBBB7-BBBB8",
  "BCDFM-GHJKJ-MPQRQ-TVWXM-Y234J",
  "9876C-432YD-XWVTF-RQPMC-KJHGD",
] as const;
const KEY = "BCDFM-GHJKJ-MPQRQ-TVWXM-Y234J";

const problemOf = <T>(result: Result<T>): Problem => {
  if (result.ok) throw new Error(`expected a refusal, got ${String(result.value)}`);
  return result.error;
};

const malformation = <T>(result: Result<T>): KeyMalformation => {
  const problem = problemOf(result);
  expect(problem.code).toBe("KEY_MALFORMED");
  return problem.details as KeyMalformation;
};

const messages = <T>(result: Result<T>): { en: string; ja: string } => {
  const problem = problemOf(result);
  return {
    en: describeProblem(problem.code, "en", problem.params).message,
    ja: describeProblem(problem.code, "ja", problem.params).message,
  };
};

/** Replace the symbol at `position` (0-based, within group `group`, 0-based) of a canonical key. */
const replaceAt = (key: string, group: number, position: number, symbol: string): string => {
  const offset = group * (KEY_GROUP_LENGTH + 1) + position;
  return key.slice(0, offset) + symbol + key.slice(offset + 1);
};

/** Swap two characters of a string at absolute offsets `i` < `j`. */
const swap = (text: string, i: number, j: number): string => {
  const chars = [...text];
  const a = chars[i] ?? "";
  chars[i] = chars[j] ?? "";
  chars[j] = a;
  return chars.join("");
};

/** The quasigroup exactly as the code folds it: `foldSymbols(x, [y])` is one step x∘y, as `table[x * 24 + y]`. */
const table = new Uint8Array(ORDER * ORDER);
for (let x = 0; x < ORDER; x++) for (let y = 0; y < ORDER; y++) table[x * ORDER + y] = foldSymbols(x, [y]);

describe("parseProductKey", () => {
  describe("error: length", () => {
    it.each([
      ["one symbol short", KEY.slice(0, -1), 24],
      ["one symbol too many", `${KEY}B`, 26],
      ["a group missing", KEY.slice(0, 23), 20],
      ["empty", "", 0],
      ["only separators", "-----\u3000 ー", 0],
    ])("refuses %s, counting symbols", (_, typed, length) => {
      const result = parseProductKey(typed);
      expect(malformation(result)).toEqual({ kind: "length", groups: [], length, invalidCharacters: [] });
      const { en, ja } = messages(result);
      expect(en).toBe(
        `The product key is not valid: it has ${length} symbols where a key has 25 (five groups of five)`,
      );
      expect(ja).toBe(
        `プロダクトキーが正しくありません: ${length} 文字ですが、キーは 25 文字（5 文字 × 5 グループ）です`,
      );
    });

    it("counts symbols, not separators: 25 symbols with many separators is not a length error", () => {
      expect(parseProductKey(KEY.split("").join(" ")).ok).toBe(true);
    });
  });

  describe("error: characters that never appear in a key", () => {
    const excluded = ["O", "0", "I", "1", "L", "S", "5", "Z", "N", "A", "E", "U"];
    it("the alphabet is 24 distinct symbols without look-alikes or vowels", () => {
      expect(new Set(KEY_ALPHABET).size).toBe(24);
      for (const c of excluded) expect(KEY_ALPHABET).not.toContain(c);
    });

    it.each(excluded)("names the group and the character %s", (c) => {
      const result = parseProductKey(replaceAt(KEY, 2, 1, c));
      expect(malformation(result)).toEqual({
        kind: "character",
        groups: [3],
        length: 25,
        invalidCharacters: [c],
      });
      const { en, ja } = messages(result);
      expect(en).toBe(`The product key is not valid: group 3 contains "${c}", which never appears in a key`);
      expect(ja).toBe(
        `プロダクトキーが正しくありません: グループ 3 に、キーに使われない文字 "${c}" があります`,
      );
    });

    it("reports lower-case and full-width look-alikes as the letter people read", () => {
      expect(malformation(parseProductKey(replaceAt(KEY, 0, 0, "o"))).invalidCharacters).toEqual(["O"]);
      expect(malformation(parseProductKey(replaceAt(KEY, 4, 4, "\uff10"))).invalidCharacters).toEqual(["0"]);
    });

    it("names every group at fault, in order, and each character once in the message", () => {
      const typed = replaceAt(replaceAt(replaceAt(KEY, 4, 0, "O"), 0, 3, "O"), 2, 2, "1");
      const result = parseProductKey(typed);
      expect(malformation(result)).toEqual({
        kind: "character",
        groups: [1, 3, 5],
        length: 25,
        invalidCharacters: ["O", "1", "O"],
      });
      const { en, ja } = messages(result);
      expect(en).toContain(`groups 1, 3, and 5 contain "O" and "1",`);
      expect(ja).toContain("グループ 1、3、5");
      const two = parseProductKey(replaceAt(replaceAt(KEY, 1, 0, "I"), 3, 0, "L"));
      expect(messages(two).en).toContain(`groups 2 and 4 contain "I" and "L"`);
      expect(messages(two).ja).toContain("グループ 2、4");
    });

    it("reports a character error before a typo elsewhere", () => {
      const typed = replaceAt(replaceAt(KEY, 0, 0, "C"), 3, 3, "!");
      expect(malformation(parseProductKey(typed))).toMatchObject({ kind: "character", groups: [4] });
    });
  });

  describe("error: typos caught by the check symbols", () => {
    it("names the group in English and Japanese", () => {
      const result = parseProductKey(replaceAt(KEY, 2, 0, "B"));
      expect(malformation(result)).toEqual({
        kind: "checksum",
        groups: [3],
        length: 25,
        invalidCharacters: [],
      });
      expect(messages(result)).toEqual({
        en: "The product key is not valid: group 3 has a typo",
        ja: "プロダクトキーが正しくありません: グループ 3 に入力ミスがあります",
      });
      const remedy = describeProblem("KEY_MALFORMED", "en").remedy;
      expect(remedy).toContain("group(s) named");
    });

    it("names several groups", () => {
      const typed = replaceAt(replaceAt(KEY, 0, 0, "C"), 4, 4, "B");
      const result = parseProductKey(typed);
      expect(malformation(result).groups).toEqual([1, 5]);
      expect(messages(result).en).toBe("The product key is not valid: groups 1 and 5 have a typo");
      expect(messages(result).ja).toBe(
        "プロダクトキーが正しくありません: グループ 1、5 に入力ミスがあります",
      );
    });

    it("flags exactly the group of every substitution and adjacent transposition, in full keys", () => {
      const keys = [...KNOWN_KEYS, ...Array.from({ length: 20 }, () => generateProductKey())];
      let checked = 0;
      for (const key of keys) {
        for (let g = 0; g < KEY_GROUPS; g++) {
          for (let p = 0; p < KEY_GROUP_LENGTH; p++) {
            const original = key.charAt(g * (KEY_GROUP_LENGTH + 1) + p);
            for (const symbol of KEY_ALPHABET) {
              if (symbol === original) continue;
              const details = malformation(parseProductKey(replaceAt(key, g, p, symbol)));
              expect(details).toEqual({
                kind: "checksum",
                groups: [g + 1],
                length: 25,
                invalidCharacters: [],
              });
              checked++;
            }
            if (p === KEY_GROUP_LENGTH - 1) continue;
            const offset = g * (KEY_GROUP_LENGTH + 1) + p;
            const swapped = swap(key, offset, offset + 1);
            if (swapped === key) continue;
            expect(malformation(parseProductKey(swapped))).toEqual({
              kind: "checksum",
              groups: [g + 1],
              length: 25,
              invalidCharacters: [],
            });
            // The same swap typed without hyphens and in lower case is caught the same way.
            expect(malformation(parseProductKey(swapped.replaceAll("-", "").toLowerCase())).groups).toEqual([
              g + 1,
            ]);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(keys.length * KEY_GROUPS * KEY_GROUP_LENGTH * (ORDER - 1));
    });

    it("flags both groups when two neighbours across a group boundary are swapped", () => {
      for (const key of KNOWN_KEYS) {
        const bare = key.replaceAll("-", "");
        for (let g = 0; g < KEY_GROUPS - 1; g++) {
          const last = (g + 1) * KEY_GROUP_LENGTH - 1;
          if (bare[last] === bare[last + 1]) continue;
          expect(malformation(parseProductKey(swap(bare, last, last + 1))).groups).toEqual([g + 1, g + 2]);
        }
      }
    });

    it("flags two whole groups typed in each other's place", () => {
      const groups = KEY.split("-");
      for (let i = 0; i < KEY_GROUPS; i++)
        for (let j = i + 1; j < KEY_GROUPS; j++) {
          const moved = [...groups];
          moved[i] = groups[j] ?? "";
          moved[j] = groups[i] ?? "";
          expect(malformation(parseProductKey(moved.join("-"))).groups).toEqual([i + 1, j + 1]);
        }
    });
  });
});
