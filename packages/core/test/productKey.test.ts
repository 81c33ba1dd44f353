import {
  describe as describeProblem,
  generateProductKey,
  KEY_ALPHABET,
  KEY_GROUP_LENGTH,
  KEY_GROUPS,
  type KeyMalformation,
  normalizeKeyInput,
  type Problem,
  parseProductKey,
  type Result,
} from "@ninsho/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSymbolFor, foldSymbols, groupIsValid } from "../src/keys/checkSymbol.js";

// Plain local bindings for the hot loop: under vitest an imported binding is a property read on a module object.
const ORDER = KEY_ALPHABET.length;
const GROUPS = KEY_GROUPS;
const GROUP_LENGTH = KEY_GROUP_LENGTH;
const checkSymbol = checkSymbolFor;
const DATA_LENGTH = KEY_GROUP_LENGTH - 1;
const DATA_GROUPS = ORDER ** DATA_LENGTH; // 331,776

/** Keys computed when the codec was written: keys printed on boxes must stay valid forever. */
const KNOWN_KEYS = [
  "BBBBB-BBBBC-BBBBD-BBBB7-BBBB8",
  "BCDFM-GHJKJ-MPQRQ-TVWXM-Y234J",
  "9876C-432YD-XWVTF-RQPMC-KJHGD",
] as const;
const KEY = "BCDFM-GHJKJ-MPQRQ-TVWXM-Y234J";

const symbolAt = (index: number): string => KEY_ALPHABET.charAt(index);
const indexOf = (symbol: string): number => KEY_ALPHABET.indexOf(symbol);

/** A valid key from 5 groups of 4 data symbol indexes, check symbols computed by the codec. */
const keyFromData = (groups: readonly (readonly number[])[]): string =>
  groups.map((data, g) => [...data, checkSymbolFor(g, data)].map(symbolAt).join("")).join("-");

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

const toFullWidth = (text: string): string =>
  [...text]
    .map((c) => (c === "-" ? "\uff0d" : String.fromCharCode((c.codePointAt(0) ?? 0) + 0xfee0)))
    .join("");

/** The quasigroup exactly as the code folds it: `foldSymbols(x, [y])` is one step x∘y, as `table[x * 24 + y]`. */
const table = new Uint8Array(ORDER * ORDER);
for (let x = 0; x < ORDER; x++) for (let y = 0; y < ORDER; y++) table[x * ORDER + y] = foldSymbols(x, [y]);
const at = (x: number, y: number): number => table[x * ORDER + y] ?? 0;

interface Proof {
  groups: number;
  substitutions: number;
  transpositions: number;
  slotMoves: number;
  /** Up to five errors that went undetected (or groups the check symbol left invalid). */
  counterexamples: string[];
}

/**
 * For group position `seed`, every data group (24^4): its check symbol (from `checkSymbolFor`) makes it valid, and
 * every single-symbol substitution, every adjacent transposition of different symbols (the check symbol's too) and
 * every move of the whole group to another slot folds to something other than 0. A tight loop over typed arrays,
 * with prefix interims shared between groups, so that 5 × 40 million cases take well under a second.
 */
function proveGroupPosition(seed: number): Proof {
  const t = table;
  const data = new Uint8Array(DATA_LENGTH);
  const g = new Uint8Array(GROUP_LENGTH);
  const interims = new Uint8Array(GROUP_LENGTH); // interim before each position
  const proof: Proof = { groups: 0, substitutions: 0, transpositions: 0, slotMoves: 0, counterexamples: [] };
  let substitutions = 0;
  let transpositions = 0;
  let slotMoves = 0;
  let failures = 0;
  for (let a = 0; a < ORDER; a++) {
    const i1 = t[seed * ORDER + a] ?? 0;
    for (let b = 0; b < ORDER; b++) {
      const i2 = t[i1 * ORDER + b] ?? 0;
      for (let c = 0; c < ORDER; c++) {
        const i3 = t[i2 * ORDER + c] ?? 0;
        for (let d = 0; d < ORDER; d++) {
          const i4 = t[i3 * ORDER + d] ?? 0;
          data[0] = a;
          data[1] = b;
          data[2] = c;
          data[3] = d;
          const check = checkSymbol(seed, data);
          g.set(data);
          g[4] = check;
          interims[0] = seed;
          interims[1] = i1;
          interims[2] = i2;
          interims[3] = i3;
          interims[4] = i4;
          let undetected = 0;
          if (t[i4 * ORDER + check] !== 0) undetected++;
          // Every single-symbol substitution, at every position.
          for (let p = 0; p < GROUP_LENGTH; p++) {
            const original = g[p] ?? 0;
            const base = (interims[p] ?? 0) * ORDER;
            for (let v = 0; v < ORDER; v++) {
              if (v === original) continue;
              let x = t[base + v] ?? 0;
              for (let q = p + 1; q < GROUP_LENGTH; q++) x = t[x * ORDER + (g[q] ?? 0)] ?? 0;
              substitutions++;
              if (x === 0) undetected++;
            }
          }
          // Every adjacent transposition of two different symbols, including (last data symbol, check symbol).
          for (let p = 0; p < GROUP_LENGTH - 1; p++) {
            const left = g[p] ?? 0;
            const right = g[p + 1] ?? 0;
            if (left === right) continue;
            let x = t[(t[(interims[p] ?? 0) * ORDER + right] ?? 0) * ORDER + left] ?? 0;
            for (let q = p + 2; q < GROUP_LENGTH; q++) x = t[x * ORDER + (g[q] ?? 0)] ?? 0;
            transpositions++;
            if (x === 0) undetected++;
          }
          // The whole group typed in another slot (seed).
          for (let other = 0; other < GROUPS; other++) {
            if (other === seed) continue;
            let x = other;
            for (let q = 0; q < GROUP_LENGTH; q++) x = t[x * ORDER + (g[q] ?? 0)] ?? 0;
            slotMoves++;
            if (x === 0) undetected++;
          }
          if (undetected > 0) {
            failures++;
            if (proof.counterexamples.length < 5) {
              proof.counterexamples.push(`group ${[...g].map(symbolAt).join("")} at position ${seed + 1}`);
            }
          }
          proof.groups++;
        }
      }
    }
  }
  proof.substitutions = substitutions;
  proof.transpositions = transpositions;
  proof.slotMoves = slotMoves;
  if (failures > 5) proof.counterexamples.push(`…and ${failures - 5} more`);
  return proof;
}

describe("product key: check symbol (exhaustive proof over every group)", () => {
  it("is a Latin square that folds symbol by symbol (the premise of the proof)", () => {
    for (let x = 0; x < ORDER; x++) {
      const row = new Set<number>();
      const column = new Set<number>();
      for (let y = 0; y < ORDER; y++) {
        row.add(at(x, y));
        column.add(at(y, x));
      }
      expect(row.size).toBe(ORDER);
      expect(column.size).toBe(ORDER);
    }
    // foldSymbols over a run is the step applied symbol by symbol (every 2-symbol run, and a sample of 5).
    for (let seed = 0; seed < KEY_GROUPS; seed++)
      for (let a = 0; a < ORDER; a++)
        for (let b = 0; b < ORDER; b++) expect(foldSymbols(seed, [a, b])).toBe(at(at(seed, a), b));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: KEY_GROUPS - 1 }),
        fc.array(fc.integer({ min: 0, max: ORDER - 1 }), { minLength: 5, maxLength: 5 }),
        (seed, symbols) => {
          const folded = symbols.reduce((interim, s) => at(interim, s), seed);
          expect(foldSymbols(seed, symbols)).toBe(folded);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.each([0, 1, 2, 3, 4])(
    "group position %i: all 24^4 groups are valid with their check symbol; every substitution, adjacent transposition (check symbol included) and move to another slot is caught",
    (seed) => {
      const proof = proveGroupPosition(seed);
      expect(proof.counterexamples).toEqual([]);
      expect(proof.groups).toBe(DATA_GROUPS);
      expect(proof.substitutions).toBe(DATA_GROUPS * KEY_GROUP_LENGTH * (ORDER - 1));
      // Each adjacent pair is equal (nothing to swap) in about 1/24 of groups.
      expect(proof.transpositions).toBeGreaterThanOrEqual(3 * (DATA_GROUPS - DATA_GROUPS / ORDER));
      expect(proof.transpositions).toBeLessThanOrEqual(4 * DATA_GROUPS);
      expect(proof.slotMoves).toBe(DATA_GROUPS * (KEY_GROUPS - 1));
    },
  );

  it("groupIsValid agrees with checkSymbolFor", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: KEY_GROUPS - 1 }),
        fc.array(fc.integer({ min: 0, max: ORDER - 1 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: ORDER - 1 }),
        (seed, data, check) => {
          expect(groupIsValid(seed, [...data, check])).toBe(check === checkSymbolFor(seed, data));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe("parseProductKey", () => {
  describe("happy: canonical and forgiving input", () => {
    it("accepts keys issued by earlier versions unchanged", () => {
      for (const key of KNOWN_KEYS) expect(parseProductKey(key)).toEqual({ ok: true, value: key });
      expect(keyFromData([0, 1, 2, 3, 4].map((g) => [4 * g, 4 * g + 1, 4 * g + 2, 4 * g + 3]))).toBe(KEY);
    });

    const variants: readonly (readonly [string, string])[] = [
      ["lower case", KEY.toLowerCase()],
      ["mixed case", "bCdFm-GhJkJ-mPqRq-TvWxM-y234j"],
      ["spaces instead of hyphens", KEY.replaceAll("-", " ")],
      ["no hyphens", KEY.replaceAll("-", "")],
      ["extra hyphens", `-${KEY.replaceAll("-", "--")}-`],
      ["hyphens inside groups", "BC-DFM-GHJ-KJ-MPQRQ-TVWXM-Y2-34J"],
      ["surrounding whitespace, tabs and a newline", `  ${KEY}\t\n`],
      ["spaces around hyphens", KEY.replaceAll("-", " - ")],
      ["full-width characters and full-width hyphen (Japanese IME)", toFullWidth(KEY)],
      ["full-width lower case", toFullWidth(KEY.toLowerCase())],
      ["full-width hyphen －", KEY.replaceAll("-", "\uff0d")],
      ["em dash —", KEY.replaceAll("-", "\u2014")],
      ["en dash –", KEY.replaceAll("-", "\u2013")],
      ["katakana prolonged sound mark ー", KEY.replaceAll("-", "\u30fc")],
      ["half-width katakana prolonged sound mark ｰ", KEY.replaceAll("-", "\uff70")],
      ["Unicode hyphen ‐", KEY.replaceAll("-", "\u2010")],
      ["non-breaking hyphen ‑", KEY.replaceAll("-", "\u2011")],
      ["minus sign −", KEY.replaceAll("-", "\u2212")],
      ["small and full-width hyphen-minus ﹣", KEY.replaceAll("-", "\ufe63")],
      ["ideographic space", KEY.replaceAll("-", "\u3000")],
      ["non-breaking space", KEY.replaceAll("-", "\u00a0")],
      ["underscores and dots", "BCDFM_GHJKJ.MPQRQ_TVWXM.Y234J"],
      ["full-width with ideographic spaces", toFullWidth(KEY).replaceAll("\uff0d", "\u3000")],
    ];
    it.each(variants)("accepts %s", (_, typed) => {
      expect(parseProductKey(typed)).toEqual({ ok: true, value: KEY });
    });

    it("accepts any mix of case and separators between symbols (property)", () => {
      const separators = [
        "",
        "-",
        " ",
        "\u3000",
        "\uff0d",
        "\u2014",
        "\u2013",
        "\u30fc",
        "\u2212",
        "--",
        " - ",
      ];
      fc.assert(
        fc.property(
          fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
          fc.array(fc.constantFrom(...separators), { minLength: 26, maxLength: 26 }),
          fc.boolean(),
          (lower, seps, fullWidth) => {
            const bare = KEY.replaceAll("-", "");
            let typed = seps[0] ?? "";
            [...bare].forEach((c, i) => {
              const symbol = lower[i] ? c.toLowerCase() : c;
              typed += (fullWidth ? toFullWidth(symbol) : symbol) + (seps[i + 1] ?? "");
            });
            expect(parseProductKey(typed)).toEqual({ ok: true, value: KEY });
          },
        ),
        { numRuns: 500 },
      );
    });

    it("normalizeKeyInput folds to bare upper-case symbols", () => {
      expect(normalizeKeyInput(" ｂｃｄｆｍ－ghjkj\u3000mpqrq—tvwxm ー y234j ")).toBe(
        KEY.replaceAll("-", ""),
      );
    });
  });

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

  describe("security: hostile input", () => {
    it("never throws, and accepts only what re-parses to itself", () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.string({ unit: "grapheme", maxLength: 60 }), fc.string({ maxLength: 40 })),
          (s) => {
            const result = parseProductKey(s);
            if (result.ok) {
              expect(result.value).toMatch(
                /^[BCDFGHJKMPQRTVWXY2346789]{5}(-[BCDFGHJKMPQRTVWXY2346789]{5}){4}$/,
              );
              expect(parseProductKey(result.value)).toEqual(result);
            } else {
              expect(result.error.code).toBe("KEY_MALFORMED");
            }
          },
        ),
        { numRuns: 2000 },
      );
    });

    it("accepts about 1 in 24^5 random keys (the check symbols are not decoration)", () => {
      // 24 random symbols per group: a random string passes one group's check with probability 1/24.
      const random = (): string =>
        Array.from({ length: 25 }, () => symbolAt(Math.floor(Math.random() * ORDER))).join("");
      let accepted = 0;
      for (let i = 0; i < 5000; i++) if (parseProductKey(random()).ok) accepted++;
      expect(accepted).toBeLessThan(5); // expected 5000 / 24^5 ≈ 0.0006
    });

    it("does not treat a long input as a key with a prefix or suffix", () => {
      expect(malformation(parseProductKey(`${KEY}-${KEY}`)).kind).toBe("length");
      expect(malformation(parseProductKey(`x${KEY}`)).kind).toBe("length");
    });
  });
});

describe("generateProductKey", () => {
  const pattern = /^[BCDFGHJKMPQRTVWXY2346789]{5}(-[BCDFGHJKMPQRTVWXY2346789]{5}){4}$/;
  const keys = Array.from({ length: 10_000 }, () => generateProductKey());

  describe("happy", () => {
    it("has the canonical format over the key alphabet, and always parses to itself", () => {
      for (const key of keys) {
        expect(key).toMatch(pattern);
        expect(parseProductKey(key)).toEqual({ ok: true, value: key });
      }
    });
  });

  describe("security: randomness", () => {
    it("gives 10,000 distinct keys", () => {
      expect(new Set(keys).size).toBe(keys.length);
    });

    it("uses every symbol about equally, in data and check positions (loose chi-square bound)", () => {
      const counts = new Array<number>(ORDER).fill(0);
      const perPosition = Array.from({ length: KEY_GROUPS * KEY_GROUP_LENGTH }, () =>
        new Array<number>(ORDER).fill(0),
      );
      for (const key of keys) {
        [...key.replaceAll("-", "")].forEach((symbol, position) => {
          const i = indexOf(symbol);
          counts[i] = (counts[i] ?? 0) + 1;
          const row = perPosition[position];
          if (row) row[i] = (row[i] ?? 0) + 1;
        });
      }
      const chiSquare = (observed: readonly number[]) => {
        const total = observed.reduce((a, b) => a + b, 0);
        const expected = total / observed.length;
        return observed.reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);
      };
      // 23 degrees of freedom: mean 23, sd ≈ 6.8. A modulo bias (byte % 24) would give ≈ 800 overall.
      expect(chiSquare(counts)).toBeLessThan(110);
      for (const row of perPosition) expect(chiSquare(row)).toBeLessThan(110);
    });
  });
});
