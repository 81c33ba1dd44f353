import {
  type Component,
  compareComponents,
  compareWithDevice,
  DEFAULT_MATCH_THRESHOLD,
  type Device,
  defaultComponentWeights,
  nextBaseline,
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
  describe("happy", () => {
    it("a real collector migration is recognised through the device's own previous set", () => {
      const fp = {
        collector: "linux/3",
        components: parts("v3"),
        previous: [{ collector: "linux/2", components: parts("victim") }],
      };
      const e = compareWithDevice(device(), fp, policy, NOW);
      expect(e).toMatchObject({ sameDevice: true, collector: "linux/2", score: 1 });
      // The stored set stays beside the new one; the collector moves on and never goes back.
      const next = nextBaseline(device(), fp, e);
      expect(next.collector).toBe("linux/3");
      expect(next.components).toEqual(expect.arrayContaining([...parts("v3"), ...parts("victim")]));
      expect(
        nextBaseline(
          device({ collector: "linux/3" }),
          { collector: "linux/2", components: parts("victim") },
          e,
        ).collector,
      ).toBe("linux/3");
    });

    it("a swapped NIC (one kept, one new) still matches", () => {
      const stored = [...parts("a"), { kind: "mac", digest: "mac-2" }];
      const swapped = [
        ...parts("a").filter((c) => c.kind !== "mac"),
        { kind: "mac", digest: "mac-a" },
        { kind: "mac", digest: "mac-new" },
      ];
      expect(compareComponents(stored, { collector: "c/1", components: swapped }, W, T).score).toBe(1);
    });
  });
});
