import {
  type Component,
  compareComponents,
  compareWithDevice,
  DEFAULT_MATCH_THRESHOLD,
  type Device,
  defaultComponentWeights,
  fingerprintOutOfBounds,
  isNewerCollector,
  type Policy,
  policyDefaults,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";

const NOW = new Date("2026-03-01T12:00:00.000Z");
const policy: Policy = {
  id: "pol",
  productId: "prd",
  name: "p",
  channel: "retail",
  ...policyDefaults,
  expiry: { kind: "none" },
  matchThreshold: DEFAULT_MATCH_THRESHOLD,
  componentWeights: defaultComponentWeights,
  entitlements: [],
  createdAt: "2026-01-01T00:00:00.000Z",
};
const parts = (unit: string): Component[] =>
  ["board", "disk", "mac", "os-install", "cpu"].map((kind) => ({ kind, digest: `${kind}-${unit}` }));
const device = (over: Partial<Device> = {}): Device => ({
  id: "dev_a",
  licenseId: "lic",
  name: "a",
  platform: "linux",
  collector: "linux/2",
  components: parts("victim"),
  fingerprintDigest: "x",
  leaseCounters: { issued: 1, issuedFrom: 0 },
  leaseIssuedAt: "2026-02-28T00:00:00.000Z",
  activatedAt: "2026-01-02T00:00:00.000Z",
  lastSeenAt: "2026-02-28T00:00:00.000Z",
  ...over,
});
const W = defaultComponentWeights;
const T = DEFAULT_MATCH_THRESHOLD;

describe("recognition", () => {
  describe("security", () => {
    it("the union of two machines' digests matches neither", () => {
      const union = { collector: "linux/2", components: [...parts("victim"), ...parts("attacker")] };
      expect(compareComponents(parts("victim"), union, W, T)).toMatchObject({ score: 0, sameDevice: false });
    });

    it("previous counts only for a newer collector of the family, read by the device's collector, seen recently", () => {
      const victimSet = { collector: "linux/2", components: parts("victim") };
      const same = { collector: "linux/2", components: parts("attacker"), previous: [victimSet] };
      expect(compareWithDevice(device(), same, policy, NOW).sameDevice).toBe(false);
      const otherFamily = { collector: "windows/9", components: parts("attacker"), previous: [victimSet] };
      expect(compareWithDevice(device(), otherFamily, policy, NOW).sameDevice).toBe(false);
      const wrongSource = {
        collector: "linux/3",
        components: parts("attacker"),
        previous: [{ ...victimSet, collector: "linux/1" }],
      };
      expect(compareWithDevice(device(), wrongSource, policy, NOW).sameDevice).toBe(false);
      const dormant = device({
        lastSeenAt: "2025-06-01T00:00:00.000Z",
        leaseIssuedAt: "2025-06-01T00:00:00.000Z",
      });
      const migration = { collector: "linux/3", components: parts("attacker"), previous: [victimSet] };
      expect(compareWithDevice(dormant, migration, policy, NOW).sameDevice).toBe(false);
      expect(isNewerCollector("linux/10", "linux/9")).toBe(true);
      expect(isNewerCollector("linux/2", "linux/2")).toBe(false);
    });

    it("bounds digests per kind and in all", () => {
      const nine = Array.from({ length: 9 }, (_, i) => ({ kind: "mac", digest: `m${i}` }));
      expect(fingerprintOutOfBounds({ collector: "linux/2", components: nine })).toContain("9 mac digests");
      const many = Array.from({ length: 13 }, (_, i) => ({ kind: `k${i}`, digest: `d${i}` }));
      const previous = Array.from({ length: 4 }, () => ({ collector: "linux/1", components: many }));
      expect(fingerprintOutOfBounds({ collector: "linux/2", components: many, previous })).toContain(
        "65 digests",
      );
      expect(fingerprintOutOfBounds({ collector: "linux/2", components: parts("a") })).toBeUndefined();
    });
  });
});
