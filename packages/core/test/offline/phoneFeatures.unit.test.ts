import {
  PHONE_FEATURE_SLOTS,
  phoneFeatureBits,
  phoneFeatureListProblem,
  phoneFeaturesOf,
} from "@ninsho/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const names = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/), { maxLength: 30 });

describe("phone features", () => {
  describe("happy: a license's entitlements as a bitmap over the product's list", () => {
    it("carries the listed ones and names them back; withholds the rest", () => {
      const list = ["export", "print", "raw"];
      const bits = phoneFeatureBits(list, ["raw", "export", "cloud", "export"]);
      expect(bits).toEqual({ bits: 0b101, carried: ["export", "raw"], withheld: ["cloud"] });
      expect(phoneFeaturesOf(list, bits.bits)).toEqual(["export", "raw"]);
    });

    it("round-trips, and an older app's list (a prefix) reads only what it knows (property)", () => {
      fc.assert(
        fc.property(names, fc.array(fc.nat()), fc.nat({ max: 30 }), (list, picks, cut) => {
          const entitlements = picks.map((i) => list[i % Math.max(list.length, 1)] ?? "none");
          const { bits, carried, withheld } = phoneFeatureBits(list, entitlements);
          expect(bits).toBeLessThan(2 ** PHONE_FEATURE_SLOTS);
          expect([...carried, ...withheld].sort()).toEqual([...new Set(entitlements)].sort());
          expect(phoneFeaturesOf(list, bits)).toEqual(carried);
          const older = list.slice(0, cut);
          expect(phoneFeaturesOf(older, bits)).toEqual(carried.filter((name) => older.includes(name)));
        }),
        { numRuns: 300 },
      );
    });

    it("accepts a list that keeps the current one at its start", () => {
      expect(phoneFeatureListProblem([], ["export"])).toBeUndefined();
      expect(phoneFeatureListProblem(["export"], ["export", "print"])).toBeUndefined();
      expect(phoneFeatureListProblem(["export"], ["export"])).toBeUndefined();
    });
  });

  describe("error: a list that would change what older apps read is refused", () => {
    it("refuses moves, removals, repeats and more than 20 features", () => {
      expect(phoneFeatureListProblem(["export", "print"], ["print", "export"])).toBe("not_appended");
      expect(phoneFeatureListProblem(["export", "print"], ["export"])).toBe("not_appended");
      expect(phoneFeatureListProblem([], ["export", "export"])).toBe("repeated");
      const many = Array.from({ length: PHONE_FEATURE_SLOTS + 1 }, (_, i) => `f${i}`);
      expect(phoneFeatureListProblem([], many)).toBe("too_many");
    });

    it("features past the 20th place are withheld, bits past the list grant nothing", () => {
      const list = Array.from({ length: 25 }, (_, i) => `f${i}`);
      expect(phoneFeatureBits(list, ["f19", "f20"])).toEqual({
        bits: 1 << 19,
        carried: ["f19"],
        withheld: ["f20"],
      });
      expect(phoneFeaturesOf(["a", "b"], 0b11111)).toEqual(["a", "b"]);
      expect(phoneFeaturesOf([], 2 ** PHONE_FEATURE_SLOTS - 1)).toEqual([]);
    });
  });
});
