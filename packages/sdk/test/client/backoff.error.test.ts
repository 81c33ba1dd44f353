/** The refresh backoff: exponential from 30 s, capped at 6 h, with full jitter between the floor and the ceiling. */
import { describe, expect, it } from "vitest";
import { BACKOFF_DEFAULTS, backoffCeiling, backoffDelay } from "../../src/index.js";

const MIN = 30_000;
const HOUR = 3_600_000;

describe("backoff schedule", () => {
  it("doubles its ceiling from 30 s per failure up to the 6 h cap", () => {
    expect(BACKOFF_DEFAULTS).toEqual({ minMs: MIN, maxMs: 6 * HOUR });
    const ceilings = Array.from({ length: 12 }, (_, i) => backoffCeiling(i + 1));
    expect(ceilings).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_840_000, 7_680_000, 15_360_000,
      21_600_000, 21_600_000,
    ]);
    expect(backoffCeiling(10_000)).toBe(6 * HOUR);
    expect(backoffCeiling(0)).toBe(MIN);
  });

  it("spreads each wait uniformly between the floor and the ceiling (full jitter)", () => {
    for (const failures of [1, 2, 5, 9, 40]) {
      const ceiling = backoffCeiling(failures);
      expect(backoffDelay(failures, { random: () => 0 })).toBe(MIN);
      expect(backoffDelay(failures, { random: () => 0.5 })).toBe(Math.round(MIN + 0.5 * (ceiling - MIN)));
      expect(backoffDelay(failures, { random: () => 0.999_999 })).toBeLessThanOrEqual(ceiling);
    }
    // A broken random source cannot push a wait outside the bounds.
    expect(backoffDelay(3, { random: () => -5 })).toBe(MIN);
    expect(backoffDelay(3, { random: () => 7 })).toBe(backoffCeiling(3));
  });

  it("stays within [min, max] for any seeded sequence of draws", () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let failures = 1; failures <= 30; failures++) {
      for (let draw = 0; draw < 50; draw++) {
        const wait = backoffDelay(failures, { random });
        expect(wait).toBeGreaterThanOrEqual(MIN);
        expect(wait).toBeLessThanOrEqual(Math.min(6 * HOUR, MIN * 2 ** (failures - 1)));
      }
    }
  });

  it("honours custom bounds", () => {
    expect(backoffCeiling(3, { minMs: 1000, maxMs: 3000 })).toBe(3000);
    expect(backoffDelay(1, { minMs: 1000, maxMs: 3000, random: () => 0.9 })).toBe(1000);
  });
});
