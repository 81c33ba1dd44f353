/**
 * The machines, license and retail policy the activation rule's tests (happy, error and security) share: one
 * definition, so the three files decide on the same facts.
 */
import {
  type Component,
  DEFAULT_MATCH_THRESHOLD,
  type Device,
  defaultComponentWeights,
  type Fingerprint,
  fingerprintDigest,
  type License,
  type Policy,
  type Problem,
  policyDefaults,
  type Result,
} from "@ninsho/core";

export const NOW = new Date("2026-03-01T12:00:00.000Z");

export const policy = (overrides: Partial<Policy> = {}): Policy => ({
  id: "pol_retail",
  productId: "prd_app",
  name: "Retail",
  channel: "retail",
  ...policyDefaults,
  expiry: { kind: "none" },
  matchThreshold: DEFAULT_MATCH_THRESHOLD,
  componentWeights: defaultComponentWeights,
  entitlements: ["pro"],
  createdAt: "2026-01-01T00:00:00.000Z",
  ...overrides,
});

export const license = (overrides: Partial<License> = {}): License => ({
  id: "lic_1",
  productId: "prd_app",
  policyId: "pol_retail",
  status: "active",
  keyHint: "Y234J",
  createdAt: "2026-01-01T00:00:00.000Z",
  ...overrides,
});

/** A machine's components: every unit-level id derived from `unit`, model-level ids shared by all machines. */
export const machine = (unit: string): Component[] => [
  { kind: "board", digest: `b-${unit}` },
  { kind: "disk", digest: `d-${unit}` },
  { kind: "mac", digest: `m-${unit}` },
  { kind: "os-install", digest: `o-${unit}` },
  { kind: "cpu", digest: "cpu-model" },
  { kind: "gpu", digest: "gpu-model" },
  { kind: "ram", digest: "16g" },
];

export const device = (id: string, unit: string): Device => ({
  id,
  licenseId: "lic_1",
  name: `PC ${unit}`,
  platform: "windows",
  collector: "windows/1",
  components: machine(unit),
  fingerprintDigest: fingerprintDigest(machine(unit)),
  leaseCounters: { issued: 3, issuedFrom: 2 },
  leaseIssuedAt: "2026-02-28T00:00:00.000Z",
  activatedAt: "2026-01-02T00:00:00.000Z",
  lastSeenAt: "2026-02-28T00:00:00.000Z",
});

export const fingerprintOf = (components: readonly Component[]): Fingerprint => ({
  collector: "windows/1",
  components: [...components],
});
export const refusal = <T>(result: Result<T>): Problem => {
  if (result.ok) throw new Error("expected a refusal");
  return result.error;
};
