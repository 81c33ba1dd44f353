import {
  type Component,
  compareComponents,
  compareFingerprint,
  type Fingerprint,
  type MatchExplanation,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { c, desktop, set, T, TOTAL, W, w } from "./support/matchingFixtures.js";

/** The desktop with the components of `kinds` changed to new digests. */
const withChanged = (components: readonly Component[], ...kinds: string[]): Component[] =>
  components.map((x) => (kinds.includes(x.kind) ? c(x.kind, `new-${x.digest}`) : x));
const without = (components: readonly Component[], ...kinds: string[]): Component[] =>
  components.filter((x) => !kinds.includes(x.kind));

const outcomes = (e: MatchExplanation): Record<string, string> =>
  Object.fromEntries(e.components.map((x) => [x.kind, x.outcome]));

const round3 = (x: number) => Math.round(x * 1000) / 1000;

describe("compareComponents", () => {
  describe("error: another machine", () => {
    it("refuses a new board and a new disk together (new motherboard with its NICs, and CPU)", () => {
      // The install id alone survives (the old disk cloned onto the new one): one unit-level id, no pair.
      const e = compareComponents(desktop, set(withChanged(desktop, "board", "disk", "mac", "cpu")), W, T);
      expect(e.score).toBe(round3((TOTAL - w("board", "disk", "mac", "cpu")) / TOTAL));
      expect(e.unitIds).toBe(1);
      expect(e.sameDevice).toBe(false);
    });

    it("counts a missing kind against the device, exactly like a changed one", () => {
      const missing = compareComponents(desktop, set(without(desktop, "disk")), W, T);
      const changed = compareComponents(desktop, set(withChanged(desktop, "disk")), W, T);
      expect(outcomes(missing).disk).toBe("missing");
      expect(missing.score).toBe(changed.score);
      expect(missing.score).toBe(round3((TOTAL - w("disk")) / TOTAL));
    });

    it("an empty set scores 0", () => {
      expect(compareComponents(desktop, set([]), W, T)).toMatchObject({ score: 0, sameDevice: false });
    });

    it("a device with nothing weighed can never be recognised", () => {
      const stored = [c("tpm", "1"), c("bluetooth", "2")];
      expect(compareComponents(stored, set(stored), W, T)).toMatchObject({ score: 0, sameDevice: false });
      expect(compareComponents([], set([]), W, 0)).toMatchObject({ score: 0, sameDevice: false });
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

  describe("error: no set matches", () => {
    it("a different machine stays different however many sets it sends", () => {
      const other = withChanged(desktop, "board", "disk", "mac", "os-install");
      const e = compareFingerprint(desktop, fingerprint(other, other, without(other, "cpu")), W, T);
      expect(e.sameDevice).toBe(false);
    });
  });
});
