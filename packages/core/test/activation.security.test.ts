import {
  type Component,
  DEFAULT_MATCH_THRESHOLD,
  type Device,
  decideActivation,
  defaultComponentWeights,
  type Fingerprint,
  fingerprintDigest,
  type License,
  leaseWindow,
  type Policy,
  type Problem,
  policyDefaults,
  type Result,
  summarizeDevice,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";

const NOW = new Date("2026-03-01T12:00:00.000Z");
const DAY_MS = 86_400_000;

const policy = (overrides: Partial<Policy> = {}): Policy => ({
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

const license = (overrides: Partial<License> = {}): License => ({
  id: "lic_1",
  productId: "prd_app",
  policyId: "pol_retail",
  status: "active",
  keyHint: "Y234J",
  createdAt: "2026-01-01T00:00:00.000Z",
  ...overrides,
});

/** A machine's components: every unit-level id derived from `unit`, model-level ids shared by all machines. */
const machine = (unit: string): Component[] => [
  { kind: "board", digest: `b-${unit}` },
  { kind: "disk", digest: `d-${unit}` },
  { kind: "mac", digest: `m-${unit}` },
  { kind: "os-install", digest: `o-${unit}` },
  { kind: "cpu", digest: "cpu-model" },
  { kind: "gpu", digest: "gpu-model" },
  { kind: "ram", digest: "16g" },
];

const device = (id: string, unit: string): Device => ({
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

const fingerprintOf = (components: readonly Component[]): Fingerprint => ({
  collector: "windows/1",
  components: [...components],
});
const refusal = <T>(result: Result<T>): Problem => {
  if (result.ok) throw new Error("expected a refusal");
  return result.error;
};

describe("decideActivation", () => {
  describe("security: limits hold", () => {
    it("never admits more devices than the policy allows", () => {
      for (let max = 1; max <= 5; max++) {
        const devices: Device[] = [];
        for (let i = 0; i < 10; i++) {
          const result = decideActivation({
            license: license(),
            policy: policy({ maxDevices: max }),
            devices,
            fingerprint: fingerprintOf(machine(`u${i}`)),
            now: NOW,
          });
          if (result.ok) {
            expect(result.value.outcome).toBe("new_device");
            devices.push(device(`dev_${i}`, `u${i}`));
          } else {
            expect(result.error.code).toBe("DEVICE_LIMIT_REACHED");
          }
        }
        expect(devices).toHaveLength(max);
      }
    });

    it("a refusal lists devices without their component digests", () => {
      const problem = refusal(
        decideActivation({
          license: license(),
          policy: policy(),
          devices: [device("dev_a", "a")],
          fingerprint: fingerprintOf(machine("b")),
          now: NOW,
        }),
      );
      const details = problem.details as { devices: Record<string, unknown>[] };
      for (const d of details.devices)
        expect(Object.keys(d).sort()).toEqual(["activatedAt", "id", "lastSeenAt", "name", "platform"]);
      expect(summarizeDevice(device("dev_a", "a"))).not.toHaveProperty("components");
    });

    it("a license is refused from the instant it expires, and not a millisecond before", () => {
      const l = license({ expiresAt: NOW.toISOString() });
      const input = { policy: policy(), devices: [], fingerprint: fingerprintOf(machine("a")) };
      expect(decideActivation({ ...input, license: l, now: NOW }).ok).toBe(false);
      expect(decideActivation({ ...input, license: l, now: new Date(NOW.getTime() - 1) }).ok).toBe(true);
    });
  });
});

describe("leaseWindow", () => {
  const p = policy({ leaseSeconds: 7 * 86_400, graceSeconds: 14 * 86_400 });

  describe("security: a lease never outlives its license", () => {
    it("ends the lease at the license's expiry when that comes first, then runs grace", () => {
      const expiresAt = new Date(NOW.getTime() + 2 * DAY_MS);
      const w = leaseWindow(p, license({ expiresAt: expiresAt.toISOString() }), NOW);
      expect(w.leaseExpiresAt).toEqual(expiresAt);
      expect(w.graceEndsAt).toEqual(new Date(expiresAt.getTime() + 14 * DAY_MS));
    });

    it("keeps lease ≤ expiry ≤ grace ordering for any expiry (sampled)", () => {
      for (let hours = 1; hours <= 24 * 10; hours += 7) {
        const expiresAt = new Date(NOW.getTime() + hours * 3_600_000);
        const w = leaseWindow(p, license({ expiresAt: expiresAt.toISOString() }), NOW);
        expect(w.leaseExpiresAt.getTime()).toBeLessThanOrEqual(expiresAt.getTime());
        expect(w.leaseExpiresAt.getTime()).toBeGreaterThan(NOW.getTime());
        expect(w.graceEndsAt.getTime() - w.leaseExpiresAt.getTime()).toBe(14 * DAY_MS);
      }
    });
  });
});
