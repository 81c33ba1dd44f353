import { type Device, decideActivation, leaseWindow, summarizeDevice } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import {
  device,
  fingerprintOf,
  license,
  machine,
  NOW,
  policy,
  refusal,
} from "./support/activationFixtures.js";

const DAY_MS = 86_400_000;

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
