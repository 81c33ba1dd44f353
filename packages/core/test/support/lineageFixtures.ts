/**
 * The retail license, its policy and the one device the lease-lineage tests (happy, error and security) share,
 * with the inputs every decision of theirs starts from.
 */
import {
  type Component,
  DEFAULT_MATCH_THRESHOLD,
  type Device,
  defaultComponentWeights,
  type License,
  type Policy,
  policyDefaults,
} from "@ninsho/core";

export const NOW = new Date("2026-03-01T12:00:00.000Z");
export const policy: Policy = {
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
export const license: License = {
  id: "lic_1",
  productId: "prd_app",
  policyId: "pol_retail",
  status: "active",
  keyHint: "Y234J",
  createdAt: "2026-01-01T00:00:00.000Z",
};
export const parts = (unit: string): Component[] =>
  ["board", "disk", "mac", "os-install"].map((kind) => ({ kind, digest: `${kind}-${unit}` }));
export const fingerprint = { collector: "linux/2", components: parts("a") };
export const device = (over: Partial<Device> = {}): Device => ({
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
export const base = { license, policy, fingerprint, now: NOW, leaseDue: () => false };
export const seconds = NOW.getTime() / 1000;
