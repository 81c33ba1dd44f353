import {
  generateProductKey,
  KEY_ALPHABET,
  KEY_GROUP_LENGTH,
  KEY_GROUPS,
  normalizeKeyInput,
  parseProductKey,
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

/** A valid key from 5 groups of 4 data symbol indexes, check symbols computed by the codec. */
const keyFromData = (groups: readonly (readonly number[])[]): string =>
  groups.map((data, g) => [...data, checkSymbolFor(g, data)].map(symbolAt).join("")).join("-");

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
});
