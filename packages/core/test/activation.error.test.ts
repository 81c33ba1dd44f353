import {
  type Component,
  DEFAULT_MATCH_THRESHOLD,
  type Device,
  decideActivation,
  defaultComponentWeights,
  type Fingerprint,
  fingerprintDigest,
  type License,
  type Policy,
  type Problem,
  policyDefaults,
  type Result,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";

const NOW = new Date("2026-03-01T12:00:00.000Z");

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
  describe("error: refusals", () => {
    it("refuses a new machine on a full license with DEVICE_LIMIT_REACHED, listing the devices", () => {
      const devices = [device("dev_a", "a"), device("dev_b", "b")];
      const problem = refusal(
        decideActivation({
          license: license(),
          policy: policy({ maxDevices: 2 }),
          devices,
          fingerprint: fingerprintOf(machine("c")),
          now: NOW,
        }),
      );
      expect(problem.code).toBe("DEVICE_LIMIT_REACHED");
      expect(problem.params).toEqual({ count: 2, max: 2 });
      expect(problem.details).toMatchObject({
        devices: [
          {
            id: "dev_a",
            name: "PC a",
            platform: "windows",
            activatedAt: "2026-01-02T00:00:00.000Z",
            lastSeenAt: "2026-02-28T00:00:00.000Z",
          },
          { id: "dev_b", name: "PC b" },
        ],
        maxDevices: 2,
        transferable: true,
        closest: { deviceId: "dev_a" },
      });
    });

    it("refuses a new board + disk + CPU as another machine (story 4), offering the transfer", () => {
      const replaced = machine("a").map((x) =>
        ["board", "disk", "cpu"].includes(x.kind) ? { ...x, digest: `new-${x.digest}` } : x,
      );
      const problem = refusal(
        decideActivation({
          license: license(),
          policy: policy(),
          devices: [device("dev_a", "a")],
          fingerprint: fingerprintOf(replaced),
          now: NOW,
        }),
      );
      expect(problem.code).toBe("DEVICE_LIMIT_REACHED");
      expect(problem.details).toMatchObject({ transferable: true, closest: { deviceId: "dev_a" } });
    });

    it("refuses a second laptop of the same model on a one-device license", () => {
      const problem = refusal(
        decideActivation({
          license: license(),
          policy: policy({ transferable: false }),
          devices: [device("dev_a", "a")],
          fingerprint: fingerprintOf(machine("twin")),
          now: NOW,
        }),
      );
      expect(problem.code).toBe("DEVICE_LIMIT_REACHED");
      expect(problem.details).toMatchObject({ transferable: false });
    });

    it.each([
      ["suspended", "LICENSE_SUSPENDED"],
      ["revoked", "LICENSE_REVOKED"],
    ] as const)(
      "refuses a %s license with %s and the admin's reason, even for a known device",
      (status, code) => {
        const problem = refusal(
          decideActivation({
            license: license({ status, statusReason: "chargeback" }),
            policy: policy(),
            devices: [device("dev_a", "a")],
            fingerprint: fingerprintOf(machine("a")),
            now: NOW,
          }),
        );
        expect(problem).toEqual({ code, params: { reason: "chargeback" } });
      },
    );

    it("refuses an expired license with LICENSE_EXPIRED and the date", () => {
      const problem = refusal(
        decideActivation({
          license: license({ expiresAt: "2026-02-01T00:00:00.000Z" }),
          policy: policy(),
          devices: [device("dev_a", "a")],
          fingerprint: fingerprintOf(machine("a")),
          now: NOW,
        }),
      );
      expect(problem).toEqual({ code: "LICENSE_EXPIRED", params: { expiredAt: "2026-02-01T00:00:00.000Z" } });
    });
  });
});
