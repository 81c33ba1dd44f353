import {
  dammCheckDigit,
  dammFold,
  dammIsValid,
  dammStep,
  digitGroupStatus,
  toDigitGroups,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";

const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

describe("Damm check digits", () => {
  describe("the quasigroup, proven over every case", () => {
    it("is a Latin square: every row and every column holds each digit once (any one substitution is caught)", () => {
      for (const a of DIGITS) {
        expect(new Set(DIGITS.map((b) => dammStep(a, b))).size).toBe(10);
        expect(new Set(DIGITS.map((b) => dammStep(b, a))).size).toBe(10);
      }
    });

    it("is weakly totally anti-symmetric: (c∘x)∘y = (c∘y)∘x only when x = y, for every c (swaps are caught)", () => {
      for (const c of DIGITS)
        for (const x of DIGITS)
          for (const y of DIGITS)
            if (x !== y) expect(dammStep(dammStep(c, x), y)).not.toBe(dammStep(dammStep(c, y), x));
    });

    it("has a zero diagonal, so a run's check digit is its final interim", () => {
      for (const a of DIGITS) expect(dammStep(a, a)).toBe(0);
      expect(dammCheckDigit(0, "572")).toBe("4");
      expect(dammIsValid(0, "5724")).toBe(true);
      expect(dammFold(0, "5724")).toBe(0);
    });
  });

  describe("every group of six, exhaustively (10^5 data values × 10 seeds)", () => {
    it("catches every single-digit error and every adjacent transposition in a group, from every seed", () => {
      const table = new Uint8Array(100);
      for (const a of DIGITS) for (const b of DIGITS) table[a * 10 + b] = dammStep(a, b);
      const fold = (seed: number, digits: Uint8Array): number => {
        let interim = seed;
        for (const digit of digits) interim = table[interim * 10 + digit] ?? 0;
        return interim;
      };
      const group = new Uint8Array(6);
      let singles = 0;
      let swaps = 0;
      let missed = 0;
      for (let seed = 0; seed < 10; seed++) {
        for (let value = 0; value < 100_000; value++) {
          let rest = value;
          for (let i = 4; i >= 0; i--) {
            group[i] = rest % 10;
            rest = Math.floor(rest / 10);
          }
          group[5] = 0;
          group[5] = fold(seed, group.subarray(0, 5));
          if (fold(seed, group) !== 0) missed++;
          for (let i = 0; i < 6; i++) {
            const original = group[i] ?? 0;
            for (let d = 0; d < 10; d++) {
              if (d === original) continue;
              group[i] = d;
              if (fold(seed, group) === 0) missed++;
              singles++;
            }
            group[i] = original;
          }
          for (let i = 0; i < 5; i++) {
            const a = group[i] ?? 0;
            const b = group[i + 1] ?? 0;
            if (a === b) continue;
            group[i] = b;
            group[i + 1] = a;
            if (fold(seed, group) === 0) missed++;
            group[i] = a;
            group[i + 1] = b;
            swaps++;
          }
        }
      }
      expect(missed).toBe(0);
      expect(singles).toBe(10 * 100_000 * 6 * 9);
      expect(swaps).toBeGreaterThan(10 * 100_000 * 4);
      // And the production fold agrees with this one on a sample.
      expect(dammCheckDigit(7, "31415")).toBe(String(fold(7, Uint8Array.of(3, 1, 4, 1, 5))));
    });
  });

  describe("groups as typed", () => {
    it("appends one check digit per group of five, seeded by position", () => {
      const groups = toDigitGroups("1234512345");
      expect(groups).toHaveLength(2);
      expect(groups[0]?.slice(0, 5)).toBe("12345");
      expect(groups[0]).not.toBe(groups[1]);
      expect(() => toDigitGroups("1234")).toThrow(RangeError);
      expect(() => toDigitGroups("12a45")).toThrow(RangeError);
    });

    it("tells a group typed so far as incomplete, valid or invalid", () => {
      const [first = "", second = ""] = toDigitGroups("9876501234");
      expect(digitGroupStatus(0, first.slice(0, 3))).toBe("incomplete");
      expect(digitGroupStatus(0, first)).toBe("valid");
      expect(digitGroupStatus(1, second)).toBe("valid");
      expect(digitGroupStatus(0, `${first}1`)).toBe("invalid");
      expect(digitGroupStatus(0, "12a")).toBe("invalid");
      expect(
        digitGroupStatus(
          0,
          first.replace(/./gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
        ),
      ).toBe("valid");
    });
  });
});
