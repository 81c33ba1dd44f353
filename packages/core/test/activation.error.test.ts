import { decideActivation } from "@ninsho/core";
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

    it("refuses a new board (its NIC with it) + disk + CPU as another machine (story 4), offering the transfer", () => {
      // The install id alone is kept (the old disk cloned): one unit-level id, below the threshold.
      const replaced = machine("a").map((x) =>
        ["board", "mac", "disk", "cpu"].includes(x.kind) ? { ...x, digest: `new-${x.digest}` } : x,
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
