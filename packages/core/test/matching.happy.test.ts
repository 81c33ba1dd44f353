import {
  type Component,
  compareComponents,
  compareFingerprint,
  type Fingerprint,
  fingerprintDigest,
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
  describe("happy: the same machine", () => {
    it("identical sets score 1 and are the same device", () => {
      const e = compareComponents(desktop, set(desktop), W, T);
      expect(e).toMatchObject({ score: 1, threshold: T, sameDevice: true, collector: "linux/2" });
      expect(Object.values(outcomes(e))).toEqual(Array(7).fill("matched"));
    });

    it("ignores order and the case of hex digests", () => {
      const shuffled = [...desktop].reverse().map((x) => c(x.kind, x.digest.toUpperCase()));
      expect(compareComponents(desktop, set(shuffled), W, T).score).toBe(1);
    });

    it("recognises a machine after an OS reinstall, and says what changed", () => {
      const e = compareComponents(desktop, set(withChanged(desktop, "os-install")), W, T);
      expect(e.score).toBe(round3((TOTAL - w("os-install")) / TOTAL));
      expect(e.sameDevice).toBe(true);
      expect(outcomes(e)["os-install"]).toBe("changed");
      expect(outcomes(e).board).toBe("matched");
    });

    it("recognises a machine after a board replacement (BIOS/firmware ids changed) alone", () => {
      const e = compareComponents(desktop, set(withChanged(desktop, "board")), W, T);
      expect(e.score).toBe(round3((TOTAL - w("board")) / TOTAL));
      expect(e.sameDevice).toBe(true);
    });

    it("matches a multi-valued kind when one of its values is kept (one of two NICs)", () => {
      const oneNic = desktop.filter((x) => x.digest !== "aa0001");
      expect(outcomes(compareComponents(desktop, set(oneNic), W, T)).mac).toBe("matched");
      const newDongle = [...oneNic, c("mac", "aa0099")];
      expect(compareComponents(desktop, set(newDongle), W, T).score).toBe(1);
    });

    it("treats a score exactly at the threshold as the same device", () => {
      const weights = { board: 11, disk: 9 };
      const stored = [c("board", "1"), c("disk", "2")];
      const e = compareComponents(stored, set([c("board", "1"), c("disk", "x")]), weights, 0.55);
      expect(e.score).toBe(0.55);
      expect(e.sameDevice).toBe(true);
    });

    it("uses the policy's weights and threshold, not the defaults", () => {
      const weights = { disk: 1 };
      const e = compareComponents(
        desktop,
        set(withChanged(desktop, "board", "mac", "os-install")),
        weights,
        0.9,
      );
      expect(e).toMatchObject({ score: 1, threshold: 0.9, sameDevice: true });
      // One anchor kept (the disk): recognised at the policy's 0.3, not at its 0.9. (Two unit-level ids recognise
      // a machine at any threshold, so the set keeps only one.)
      const oneAnchor = set(withChanged(desktop, "board", "mac", "os-install"));
      expect(compareComponents(desktop, oneAnchor, W, 0.3).sameDevice).toBe(true);
      const strict = compareComponents(desktop, oneAnchor, W, 0.9);
      expect(strict).toMatchObject({ unitIds: 1, sameDevice: false });
    });

    it("explains every kind with its weight and outcome, heaviest first", () => {
      const presented = [
        ...without(withChanged(desktop, "disk"), "gpu"),
        c("tpm", "7e0001"),
        c("bluetooth", "b7"),
      ];
      const e = compareComponents(desktop, set(presented), W, T);
      const expected: Record<string, string> = {
        board: "matched",
        disk: "changed",
        mac: "matched",
        "os-install": "matched",
        cpu: "matched",
        gpu: "missing",
        ram: "matched",
        bluetooth: "added",
        tpm: "added",
      };
      expect(outcomes(e)).toEqual(expected);
      expect(e.components.map((x) => x.weight)).toEqual(e.components.map((x) => W[x.kind] ?? 0));
      // Heaviest first, then by name: the components that decided the score come first.
      for (let i = 1; i < e.components.length; i++) {
        const [a, b] = [e.components[i - 1], e.components[i]];
        if (!a || !b) throw new Error("missing row");
        expect(a.weight > b.weight || (a.weight === b.weight && a.kind < b.kind)).toBe(true);
      }
      expect(e.components.slice(-2)).toEqual([
        { kind: "bluetooth", weight: 0, outcome: "added" },
        { kind: "tpm", weight: 0, outcome: "added" },
      ]);
      expect(e.score).toBe(round3((TOTAL - w("disk", "gpu")) / TOTAL));
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

  describe("happy: collector migrations", () => {
    it("without previous sets it is compareComponents", () => {
      const f: Fingerprint = { collector: "linux/3", components: withChanged(desktop, "disk") };
      expect(compareFingerprint(desktop, f, W, T)).toEqual(compareComponents(desktop, f, W, T));
    });

    it("uses the predecessor's set when the new collector reads everything differently", () => {
      const rereadByNewCollector = desktop.map((x) => c(x.kind, `v3-${x.digest}`));
      const e = compareFingerprint(desktop, fingerprint(rereadByNewCollector, desktop), W, T);
      expect(e).toMatchObject({ score: 1, sameDevice: true, collector: "linux/2" });
    });

    it("keeps the current set when it scores better, and on a tie", () => {
      const e = compareFingerprint(desktop, fingerprint(desktop, withChanged(desktop, "board")), W, T);
      expect(e.collector).toBe("linux/3");
      const tie = compareFingerprint(desktop, fingerprint(desktop, desktop), W, T);
      expect(tie.collector).toBe("linux/3");
    });

    it("picks the best of several previous sets", () => {
      const f = fingerprint(
        withChanged(desktop, "board", "disk"),
        withChanged(desktop, "disk", "mac"),
        withChanged(desktop, "mac"),
      );
      const e = compareFingerprint(desktop, f, W, T);
      expect(e.collector).toBe("linux/1");
      expect(e.score).toBe(round3((TOTAL - w("mac")) / TOTAL));
    });
  });
});

describe("fingerprintDigest", () => {
  it("is a hex SHA-256, independent of order and digest case", () => {
    const d = fingerprintDigest(desktop);
    expect(d).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintDigest([...desktop].reverse().map((x) => c(x.kind, x.digest.toUpperCase())))).toBe(d);
  });

  it("changes when any component changes, moves to another kind, or is removed", () => {
    const d = fingerprintDigest(desktop);
    const variants = [
      withChanged(desktop, "ram"),
      without(desktop, "gpu"),
      desktop.map((x) => (x.kind === "gpu" ? c("cpu", x.digest) : x)),
      [...desktop, c("tpm", "1")],
    ];
    for (const v of variants) expect(fingerprintDigest(v)).not.toBe(d);
  });
});
