import { createHash } from "node:crypto";
import {
  COMPACT_FINGERPRINT_BITS,
  type Component,
  compactComponents,
  compactFingerprint,
  compactValue,
  compareCompact,
  compareComponents,
  DEFAULT_MATCH_THRESHOLD,
  defaultComponentWeights,
  kindMatches,
  mergeCompact,
  parseCompactDigest,
} from "@ninsho/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const W = defaultComponentWeights;
const T = DEFAULT_MATCH_THRESHOLD;
const KINDS = ["board", "disk", "mac", "os-install", "cpu", "gpu", "ram"] as const;
const MODEL = ["cpu", "gpu", "ram"];
const digest = (fact: string) => createHash("sha256").update(fact).digest("hex");

/** A machine; model-level parts come from its model, unit-level parts from its name. */
const machine = (name: string, model = "model-a"): Component[] =>
  KINDS.map((kind) => ({
    kind,
    digest: digest(MODEL.includes(kind) ? `${model}:${kind}` : `${name}:${kind}`),
  }));
const changed = (components: readonly Component[], kinds: readonly string[], tag = "new"): Component[] =>
  components.map((c) =>
    kinds.includes(c.kind) ? { kind: c.kind, digest: digest(`${c.digest}:${tag}`) } : c,
  );

const both = (stored: readonly Component[], presented: readonly Component[]) => ({
  full: compareComponents(stored, { collector: "linux/2", components: [...presented] }, W, T),
  compact: compareCompact(stored, compactFingerprint(presented), "linux/2", W, T),
});

describe("compact fingerprint", () => {
  it("is 40 bits, one slot per default kind, 0 for a kind the machine lacks", () => {
    expect(COMPACT_FINGERPRINT_BITS).toBe(40);
    const fp = compactFingerprint(machine("a").filter((c) => c.kind !== "gpu"));
    expect(fp.gpu).toBe(0);
    expect(fp.disk).toBeGreaterThan(0);
    expect(fp.disk).toBeLessThan(1024);
    expect(compactValue("ram", "ab".repeat(16))).toBeGreaterThanOrEqual(1);
    expect(compactValue("ram", "ab".repeat(16))).toBeLessThanOrEqual(3);
    expect(() => compactValue("dongle", "ab")).toThrow(RangeError);
  });

  describe("agrees with the full matcher's decision on typical cases", () => {
    const a = machine("a");
    const cases: [string, Component[]][] = [
      ["the same machine", a],
      ["a new disk with a fresh install", changed(a, ["disk", "os-install"])],
      ["a new board (with its NIC)", changed(a, ["board", "mac"])],
      ["a board repair that came back reimaged", changed(a, ["board", "mac", "os-install"])],
      ["RAM and GPU upgraded", changed(a, ["ram", "gpu"])],
      ["another machine of the same model", machine("b")],
      ["another machine of another model", machine("c", "model-c")],
      [
        "a disk image of it on another machine",
        [...machine("d").filter((c) => c.kind !== "os-install"), a[3] as Component],
      ],
      [
        "the disk moved to another machine alone",
        changed(a, ["board", "mac", "os-install"]).filter((c) => c.kind !== "ram"),
      ],
      ["everything but the model replaced", changed(a, ["board", "disk", "mac", "os-install"])],
    ];
    it.each(cases)("%s", (_, presented) => {
      const { full, compact } = both(a, presented);
      expect(compact.sameDevice).toBe(full.sameDevice);
      expect(compact.score).toBe(full.score);
      expect(compact.components).toEqual(full.components);
    });

    it("covers machines recognised and machines refused", () => {
      expect(new Set(cases.map(([, presented]) => both(a, presented).full.sameDevice))).toEqual(
        new Set([true, false]),
      );
    });

    it("a laptop undocked (one of its two NICs gone) still matches its NIC", () => {
      const docked = [...a, { kind: "mac", digest: digest("a:dock-nic") }];
      const { full, compact } = both(docked, a);
      expect(compact.components.find((c) => c.kind === "mac")?.outcome).toBe("matched");
      expect(compact.sameDevice).toBe(full.sameDevice);
    });

    it("leaves a vendor's own kind out of both sides of the compact score", () => {
      const stored = [...a, { kind: "dongle", digest: digest("dongle") }];
      const { compact } = both(stored, a);
      expect(compact.components.map((c) => c.kind)).not.toContain("dongle");
      expect(compact.score).toBe(1);
    });

    it("decides like the full matcher's weighted score for almost every random set of replaced parts (property)", () => {
      let agree = 0;
      let runs = 0;
      fc.assert(
        fc.property(fc.subarray([...KINDS]), fc.string({ minLength: 1, maxLength: 8 }), (kinds, tag) => {
          const { full, compact } = both(a, changed(a, kinds, tag));
          runs++;
          // The phone matcher has no pair rule (two colliding slots of a few bits are not two serials): it is
          // compared with the full matcher's score against the threshold, and never recognises more by pairs.
          if (full.score >= T === compact.sameDevice) agree++;
          if (compact.sameDevice && !full.sameDevice) expect(compact.score).toBeGreaterThan(full.score);
          // A short hash can only turn "changed" into "matched", never the reverse.
          expect(compact.score).toBeGreaterThanOrEqual(full.score);
        }),
        { numRuns: 2000 },
      );
      expect(agree / runs).toBeGreaterThan(0.98);
    });
  });

  describe("a phone-activated device, stored compactly, is recognised online", () => {
    it("stores `c1.<value>` digests that the full matcher compares through the same hash", () => {
      const a = machine("a");
      const stored = compactComponents(compactFingerprint(a));
      expect(stored.every((c) => parseCompactDigest(c.digest) !== undefined)).toBe(true);
      const online = compareComponents(stored, { collector: "linux/2", components: a }, W, T);
      expect(online.score).toBe(1);
      expect(online.sameDevice).toBe(true);
      const other = compareComponents(stored, { collector: "linux/2", components: machine("b") }, W, T);
      expect(other.sameDevice).toBe(false);
    });

    it("after a phone recognition keeps matched digests, takes compact values for changed ones, drops gone ones", () => {
      const a = machine("a");
      const presented = changed(a, ["disk"]).filter((c) => c.kind !== "gpu");
      const stored = [...a, { kind: "dongle", digest: digest("dongle") }];
      const merged = mergeCompact(stored, compactFingerprint(presented));
      const byKind = new Map(merged.map((c) => [c.kind, c.digest]));
      expect(byKind.get("board")).toBe(a[0]?.digest);
      expect(byKind.get("disk")).toBe(`c1.${compactValue("disk", presented[1]?.digest ?? "")}`);
      expect(byKind.has("gpu")).toBe(false);
      expect(byKind.get("dongle")).toBe(digest("dongle"));
      const again = compareComponents(merged, { collector: "linux/2", components: presented }, W, T);
      expect(again.components.filter((c) => c.outcome !== "matched")).toEqual([
        { kind: "dongle", weight: 0, outcome: "missing" },
      ]);
    });

    it("matches exact digests, compact against full either way, and compact against compact", () => {
      const d = digest("x");
      const v = `c1.${compactValue("disk", d)}`;
      expect(kindMatches("disk", new Set([d]), new Set([d]))).toBe(true);
      expect(kindMatches("disk", new Set([v]), new Set([d]))).toBe(true);
      expect(kindMatches("disk", new Set([d]), new Set([v]))).toBe(true);
      expect(kindMatches("disk", new Set([v]), new Set([v]))).toBe(true);
      expect(kindMatches("disk", new Set([d]), new Set([digest("y")]))).toBe(false);
      expect(kindMatches("dongle", new Set(["c1.5"]), new Set([d]))).toBe(false);
    });
  });
});
