import {
  type Component,
  checkLeaseCounter,
  DEFAULT_MATCH_THRESHOLD,
  type Device,
  decideActivation,
  decideValidation,
  defaultComponentWeights,
  type License,
  type Policy,
  policyDefaults,
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
const seconds = NOW.getTime() / 1000;

describe("lease lineage", () => {
  describe("error", () => {
    it("a superseded lease is refused with LEASE_SUPERSEDED and remembered; asking again is no second strike", () => {
      const d = device({ leaseCounters: { issued: 6, issuedFrom: 5, lineageFrom: 6 } });
      const first = decideValidation({ ...base, held: { device: d, counter: 5 } });
      expect(first).toMatchObject({ kind: "strike", problem: { code: "LEASE_SUPERSEDED" } });
      if (first.kind !== "strike") throw new Error(first.kind);
      expect(first.next.leaseCounters).toMatchObject({ suspectedAt: seconds, suspectedCounter: 5 });
      const again = decideValidation({ ...base, held: { device: first.next, counter: 5 } });
      expect(again).toMatchObject({ kind: "strike", problem: { code: "LEASE_SUPERSEDED" } });
    });

    it("another superseded line while the strike stands is the fork, kept on the device", () => {
      const counters = {
        issued: 8,
        issuedFrom: 7,
        lineageFrom: 8,
        suspectedAt: seconds - 60,
        suspectedCounter: 5,
      };
      const d = device({ leaseCounters: counters });
      expect(checkLeaseCounter(counters, 6, seconds, 21 * 86_400)).toBe("forked");
      const forked = decideValidation({ ...base, held: { device: d, counter: 6 } });
      expect(forked).toMatchObject({ kind: "strike", problem: { code: "DEVICE_FORKED" } });
      if (forked.kind !== "strike") throw new Error(forked.kind);
      expect(forked.next.forkedAt).toBe(NOW.toISOString());
      // Once forked, the newest lease, a key and a re-activation all answer DEVICE_FORKED.
      const f = forked.next;
      expect(decideValidation({ ...base, held: { device: f, counter: 8 } })).toMatchObject({
        problem: { code: "DEVICE_FORKED" },
      });
      expect(decideValidation({ ...base, devices: [f] })).toMatchObject({
        problem: { code: "DEVICE_FORKED" },
      });
      expect(decideActivation({ ...base, devices: [f] })).toMatchObject({
        ok: true,
        value: { outcome: "forked" },
      });
    });
  });
});
