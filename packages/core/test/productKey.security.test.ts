import {
  generateProductKey,
  KEY_ALPHABET,
  KEY_GROUP_LENGTH,
  KEY_GROUPS,
  type KeyMalformation,
  type Problem,
  parseProductKey,
  type Result,
} from "@ninsho/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldSymbols } from "../src/keys/checkSymbol.js";

// Plain local bindings for the hot loop: under vitest an imported binding is a property read on a module object.
const ORDER = KEY_ALPHABET.length;
const KEY = "BCDFM-GHJKJ-MPQRQ-TVWXM-Y234J";

const symbolAt = (index: number): string => KEY_ALPHABET.charAt(index);
const indexOf = (symbol: string): number => KEY_ALPHABET.indexOf(symbol);

const problemOf = <T>(result: Result<T>): Problem => {
  if (result.ok) throw new Error(`expected a refusal, got ${String(result.value)}`);
  return result.error;
};

const malformation = <T>(result: Result<T>): KeyMalformation => {
  const problem = problemOf(result);
  expect(problem.code).toBe("KEY_MALFORMED");
  return problem.details as KeyMalformation;
};

/** The quasigroup exactly as the code folds it: `foldSymbols(x, [y])` is one step x∘y, as `table[x * 24 + y]`. */
const table = new Uint8Array(ORDER * ORDER);
for (let x = 0; x < ORDER; x++) for (let y = 0; y < ORDER; y++) table[x * ORDER + y] = foldSymbols(x, [y]);

describe("parseProductKey", () => {
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
  const keys = Array.from({ length: 10_000 }, () => generateProductKey());

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
