import {
  type Component,
  DEFAULT_MATCH_THRESHOLD,
  type Device,
  decideActivation,
  decideValidation,
  defaultComponentWeights,
  type License,
  type Policy,
  policyDefaults,
  startLineage,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";

const NOW = new Date("2026-03-01T12:00:00.000Z");
const policy: Policy = {
  id: "pol_retail",
  productId: "prd_app",
  name: "Retail",
  channel: "retail",
  ...policyDefaults,
  expiry: { kind: "none" },
  matchThreshold: DEFAULT_MATCH_THRESHOLD,
  componentWeights: defaultComponentWeights,
  entitlements: [],
  createdAt: "2026-01-01T00:00:00.000Z",
};
const license: License = {
  id: "lic_1",
  productId: "prd_app",
  policyId: "pol_retail",
  status: "active",
  keyHint: "Y234J",
  createdAt: "2026-01-01T00:00:00.000Z",
};
const parts = (unit: string): Component[] =>
  ["board", "disk", "mac", "os-install"].map((kind) => ({ kind, digest: `${kind}-${unit}` }));
const fingerprint = { collector: "linux/2", components: parts("a") };
const device = (over: Partial<Device> = {}): Device => ({
  id: "dev_a",
  licenseId: "lic_1",
  name: "a",
  platform: "linux",
  collector: "linux/2",
  components: parts("a"),
  fingerprintDigest: "x",
  leaseCounters: { issued: 5, issuedFrom: 4 },
  leaseIssuedAt: "2026-03-01T11:00:00.000Z",
  activatedAt: "2026-01-02T00:00:00.000Z",
  lastSeenAt: "2026-03-01T11:00:00.000Z",
  ...over,
});
const base = { license, policy, fingerprint, now: NOW, leaseDue: () => false };

describe("lease lineage", () => {
  describe("happy", () => {
    it("a re-activation by key starts a lineage; the device's own lease keeps it", () => {
      expect(startLineage({ issued: 7, issuedFrom: 6 })).toEqual({
        issued: 8,
        issuedFrom: 7,
        lineageFrom: 8,
      });
      const byKey = decideActivation({ ...base, devices: [device()] });
      if (!byKey.ok || byKey.value.outcome !== "recognized") throw new Error("not recognised");
      expect(byKey.value).toMatchObject({ superseded: true, next: { leaseCounters: { lineageFrom: 6 } } });
      const withLease = decideActivation({
        ...base,
        devices: [device()],
        held: { deviceId: "dev_a", counter: 5 },
      });
      if (!withLease.ok || withLease.value.outcome !== "recognized") throw new Error("not recognised");
      expect(withLease.value.superseded).toBe(false);
      expect(withLease.value.next.leaseCounters).toEqual({ issued: 6, issuedFrom: 5 });
    });

    it("the current lineage's lease is served", () => {
      const d = device({ leaseCounters: { issued: 6, issuedFrom: 5, lineageFrom: 6 } });
      expect(decideValidation({ ...base, held: { device: d, counter: 6 } }).kind).toBe("serve");
    });
  });
});
