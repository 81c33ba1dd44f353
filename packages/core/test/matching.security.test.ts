import {
  type Component,
  compareComponents,
  compareFingerprint,
  type Fingerprint,
  type MatchExplanation,
} from "@ninsho/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { c, desktop, set, T, TOTAL, W, w } from "./support/matchingFixtures.js";

const UNIT_LEVEL = ["board", "disk", "mac", "os-install"];
const MODEL_LEVEL = ["cpu", "gpu", "ram"];

/** The desktop with the components of `kinds` changed to new digests. */
const withChanged = (components: readonly Component[], ...kinds: string[]): Component[] =>
  components.map((x) => (kinds.includes(x.kind) ? c(x.kind, `new-${x.digest}`) : x));
const without = (components: readonly Component[], ...kinds: string[]): Component[] =>
  components.filter((x) => !kinds.includes(x.kind));

const outcomes = (e: MatchExplanation): Record<string, string> =>
  Object.fromEntries(e.components.map((x) => [x.kind, x.outcome]));

const round3 = (x: number) => Math.round(x * 1000) / 1000;

describe("compareComponents", () => {
  describe("security: nothing gained by gaming the set", () => {
    const kinds = ["board", "disk", "mac", "os-install", "cpu", "gpu", "ram", "tpm", "vendor-x"];
    const componentArb = fc.record({
      kind: fc.constantFrom(...kinds),
      digest: fc.constantFrom("a1", "b2", "c3", "A1"),
    });
    const componentsArb = fc.array(componentArb, { maxLength: 14 });

    // Leaving out a kind never helps: a kind the device had counts against a set that lacks it. (Within a kind,
    // leaving out a foreign digest may help: a union of machines' digests is what the kind rule refuses.)
    it("sending fewer kinds never raises the score (property)", () => {
      fc.assert(
        fc.property(
          componentsArb,
          componentsArb,
          fc.array(fc.boolean(), { minLength: kinds.length, maxLength: kinds.length }),
          (stored, presented, keep) => {
            const fewer = presented.filter((x) => keep[kinds.indexOf(x.kind)]);
            const full = compareComponents(stored, set(presented), W, T);
            const less = compareComponents(stored, set(fewer), W, T);
            expect(less.score).toBeLessThanOrEqual(full.score);
            if (less.sameDevice) expect(full.sameDevice).toBe(true);
          },
        ),
        { numRuns: 2000 },
      );
    });

    it("components of unknown kinds weigh nothing, whatever they say (property)", () => {
      fc.assert(
        fc.property(componentsArb, componentsArb, componentsArb, (stored, presented, extra) => {
          const unknown = extra.map((x) => c(`unknown-${x.kind}`, x.digest));
          const base = compareComponents(stored, set(presented), W, T);
          expect(compareComponents(stored, set([...presented, ...unknown]), W, T).score).toBe(base.score);
          expect(compareComponents([...stored, ...unknown], set(presented), W, T).score).toBe(base.score);
          expect(
            compareComponents([...stored, ...unknown], set([...presented, ...unknown]), W, T).score,
          ).toBe(base.score);
        }),
        { numRuns: 1000 },
      );
    });

    it("scores stay within 0…1 and agree with sameDevice (property)", () => {
      fc.assert(
        fc.property(
          componentsArb,
          componentsArb,
          fc.double({ min: 0, max: 1, noNaN: true }),
          (s, p, threshold) => {
            const e = compareComponents(s, set(p), W, threshold);
            expect(e.score).toBeGreaterThanOrEqual(0);
            expect(e.score).toBeLessThanOrEqual(1);
            // Recognised by the score, or by two unit-level ids (the pair rule), never otherwise.
            if (e.sameDevice && (e.unitIds ?? 0) < 2) expect(e.score).toBeGreaterThanOrEqual(threshold);
            if (!e.sameDevice) expect(e.unitIds ?? 0).toBeLessThan(2);
          },
        ),
        { numRuns: 1000 },
      );
    });

    it("a digest only counts under its own kind (a board id sent as a disk does not match)", () => {
      const presented = desktop.map((x) => (x.kind === "disk" ? c("disk", "b0a4d1") : x));
      expect(outcomes(compareComponents(desktop, set(presented), W, T)).disk).toBe("changed");
    });

    it("model-level components alone (cpu, ram, gpu) never reach the default threshold", () => {
      // Two laptops of one corporate order: same CPU, RAM and GPU model, everything per unit differs.
      const sibling = withChanged(desktop, "board", "disk", "mac", "os-install");
      const e = compareComponents(desktop, set(sibling), W, T);
      expect(e.score).toBe(round3(w(...MODEL_LEVEL) / TOTAL));
      expect(e.sameDevice).toBe(false);
      expect(
        compareComponents(desktop, set(without(desktop, "board", "disk", "mac", "os-install")), W, T)
          .sameDevice,
      ).toBe(false);
      const unitWeight = UNIT_LEVEL.map((k) => w(k));
      expect(Math.min(...unitWeight)).toBeGreaterThan(Math.max(...MODEL_LEVEL.map((k) => w(k))));
    });

    it("a disk image restored on a machine of the same model (install id + model facts) is another device", () => {
      fc.assert(
        fc.property(fc.subarray(MODEL_LEVEL), fc.boolean(), (model, withInstall) => {
          const keptKinds = withInstall ? [...model, "os-install"] : model;
          const presented = withChanged(
            desktop,
            ...[...UNIT_LEVEL, ...MODEL_LEVEL].filter((k) => !keptKinds.includes(k)),
          );
          const e = compareComponents(desktop, set(presented), W, T);
          expect(e.score).toBeLessThan(T);
          expect(e.sameDevice).toBe(false);
        }),
      );
    });
  });
});

describe("compareFingerprint", () => {
  const fingerprint = (
    current: readonly Component[],
    ...previous: (readonly Component[])[]
  ): Fingerprint => ({
    collector: "linux/3",
    components: [...current],
    previous: previous.map((components, i) => ({ collector: `linux/${2 - i}`, components: [...components] })),
  });

  describe("security: sets are judged one at a time", () => {
    it("partial matches spread over current and previous sets do not add up", () => {
      // Each set matches a quarter of the weight and one unit-level id; together they would match half of the
      // weight and two ids (a pair), either of which recognises the machine.
      const weights = { board: 1, disk: 1, mac: 1, "os-install": 1 };
      const current = [c("board", "b0a4d1")];
      const previous = [c("disk", "d15c01")];
      const e = compareFingerprint(desktop, fingerprint(current, previous), weights, 0.5);
      expect(e).toMatchObject({ score: 0.25, unitIds: 1, sameDevice: false });
      expect(compareComponents(desktop, set([...current, ...previous]), weights, 0.5).sameDevice).toBe(true);
    });

    it("the best is a recognised set when there is one, then the highest score (property)", () => {
      const arb = fc.array(
        fc.record({ kind: fc.constantFrom(...Object.keys(W)), digest: fc.constantFrom("x", "y") }),
        {
          maxLength: 8,
        },
      );
      fc.assert(
        fc.property(arb, arb, fc.array(arb, { maxLength: 3 }), (stored, current, previous) => {
          const e = compareFingerprint(stored, fingerprint(current, ...previous), W, T);
          // A set recognised by a pair of unit ids outranks a higher-scoring set that is not recognised.
          const each = [current, ...previous].map((p) => compareComponents(stored, set(p), W, T));
          const recognised = each.filter((x) => x.sameDevice);
          const pool = recognised.length > 0 ? recognised : each;
          expect(e.sameDevice).toBe(recognised.length > 0);
          expect(e.score).toBe(Math.max(...pool.map((x) => x.score)));
        }),
        { numRuns: 500 },
      );
    });
  });
});
