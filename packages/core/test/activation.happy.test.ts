import {
  DEFAULT_MATCH_THRESHOLD,
  decideActivation,
  type ExpiryRule,
  expiryFrom,
  type Fingerprint,
  leaseWindow,
  licenseRefusal,
  licenseState,
  type OnlineActivationDecision,
  type Result,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { device, fingerprintOf, license, machine, NOW, policy } from "./support/activationFixtures.js";

const DAY_MS = 86_400_000;

const decision = (result: Result<OnlineActivationDecision>): OnlineActivationDecision => {
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result.value;
};

describe("decideActivation", () => {
  describe("happy", () => {
    it("takes the first device of a license as new, with no closest device", () => {
      const d = decision(
        decideActivation({
          license: license(),
          policy: policy(),
          devices: [],
          fingerprint: fingerprintOf(machine("a")),
          now: NOW,
        }),
      );
      expect(d).toEqual({ outcome: "new_device" });
    });

    it("recognises a device already activated, with the explanation", () => {
      const a = device("dev_a", "a");
      const d = decision(
        decideActivation({
          license: license(),
          policy: policy(),
          devices: [a],
          fingerprint: fingerprintOf(machine("a")),
          now: NOW,
        }),
      );
      if (d.outcome !== "recognized") throw new Error(d.outcome);
      expect(d.device).toBe(a);
      expect(d.explanation).toMatchObject({ score: 1, sameDevice: true });
    });

    it("recognises a device after an OS reinstall", () => {
      const components = machine("a").map((x) => (x.kind === "os-install" ? { ...x, digest: "o-new" } : x));
      const d = decision(
        decideActivation({
          license: license(),
          policy: policy(),
          devices: [device("dev_a", "a")],
          fingerprint: fingerprintOf(components),
          now: NOW,
        }),
      );
      expect(d.outcome).toBe("recognized");
    });

    it("recognises the best-matching device among several", () => {
      const devices = [device("dev_a", "a"), device("dev_b", "b"), device("dev_c", "c")];
      const d = decision(
        decideActivation({
          license: license(),
          policy: policy({ maxDevices: 3 }),
          devices,
          fingerprint: fingerprintOf(machine("b")),
          now: NOW,
        }),
      );
      expect(d.outcome === "recognized" && d.device.id).toBe("dev_b");
    });

    it("recognises a device of a full license (a refresh never needs a free slot)", () => {
      const d = decision(
        decideActivation({
          license: license(),
          policy: policy({ maxDevices: 1 }),
          devices: [device("dev_a", "a")],
          fingerprint: fingerprintOf(machine("a")),
          now: NOW,
        }),
      );
      expect(d.outcome).toBe("recognized");
    });

    it("gives a new device a free slot and says which device came closest and why not", () => {
      const d = decision(
        decideActivation({
          license: license(),
          policy: policy({ channel: "volume", maxDevices: 3 }),
          devices: [device("dev_a", "a"), device("dev_b", "b")],
          fingerprint: fingerprintOf(machine("c")),
          now: NOW,
        }),
      );
      if (d.outcome !== "new_device") throw new Error(d.outcome);
      expect(d.closest?.deviceId).toBe("dev_a");
      expect(d.closest?.explanation).toMatchObject({ sameDevice: false, threshold: DEFAULT_MATCH_THRESHOLD });
      expect(d.closest?.explanation.score).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
    });

    it("uses the collector's previous set during a migration", () => {
      const fingerprint: Fingerprint = {
        collector: "windows/2",
        components: machine("a").map((x) => ({ ...x, digest: `v2-${x.digest}` })),
        previous: [{ collector: "windows/1", components: machine("a") }],
      };
      const d = decision(
        decideActivation({
          license: license(),
          policy: policy(),
          devices: [device("dev_a", "a")],
          fingerprint,
          now: NOW,
        }),
      );
      expect(d.outcome === "recognized" && d.explanation.collector).toBe("windows/1");
    });
  });
});

describe("licenseState and licenseRefusal", () => {
  it("reads the admin's status first, then time", () => {
    const past = "2026-01-15T00:00:00.000Z";
    expect(licenseState(license(), NOW)).toBe("active");
    expect(licenseState(license({ expiresAt: "2027-01-01T00:00:00.000Z" }), NOW)).toBe("active");
    expect(licenseState(license({ expiresAt: past }), NOW)).toBe("expired");
    expect(licenseState(license({ status: "revoked", expiresAt: past }), NOW)).toBe("revoked");
    expect(licenseState(license({ status: "suspended", expiresAt: past }), NOW)).toBe("suspended");
  });

  it("gives a placeholder reason when the admin wrote none", () => {
    expect(licenseRefusal(license({ status: "suspended" }), NOW)).toEqual({
      code: "LICENSE_SUSPENDED",
      params: { reason: "—" },
    });
    expect(licenseRefusal(license(), NOW)).toBeUndefined();
  });
});

describe("leaseWindow", () => {
  const p = policy({ leaseSeconds: 7 * 86_400, graceSeconds: 14 * 86_400 });

  describe("happy", () => {
    it("runs lease then grace from now for a perpetual license", () => {
      expect(leaseWindow(p, license(), NOW)).toEqual({
        issuedAt: NOW,
        leaseExpiresAt: new Date(NOW.getTime() + 7 * DAY_MS),
        graceEndsAt: new Date(NOW.getTime() + 21 * DAY_MS),
      });
    });

    it("is unaffected by a license expiry after the lease", () => {
      const l = license({ expiresAt: new Date(NOW.getTime() + 30 * DAY_MS).toISOString() });
      expect(leaseWindow(p, l, NOW).leaseExpiresAt).toEqual(new Date(NOW.getTime() + 7 * DAY_MS));
    });
  });
});

describe("expiryFrom", () => {
  const from = new Date("2026-03-01T12:00:00.000Z");

  it.each<[string, ExpiryRule, string | undefined]>([
    ["none: never", { kind: "none" }, undefined],
    [
      "fixed: the instant, normalised to UTC",
      { kind: "fixed", at: "2030-01-01T09:00:00+09:00" },
      "2030-01-01T00:00:00.000Z",
    ],
    [
      "fixed: independent of the activation date",
      { kind: "fixed", at: "2027-06-30T00:00:00.000Z" },
      "2027-06-30T00:00:00.000Z",
    ],
    ["duration: a 30-day trial", { kind: "duration", seconds: 30 * 86_400 }, "2026-03-31T12:00:00.000Z"],
    [
      "duration: a year of subscription",
      { kind: "duration", seconds: 365 * 86_400 },
      "2027-03-01T12:00:00.000Z",
    ],
    ["duration: zero", { kind: "duration", seconds: 0 }, "2026-03-01T12:00:00.000Z"],
  ])("%s", (_, rule, expected) => {
    expect(expiryFrom(rule, from)).toBe(expected);
  });

  it("an expiry it computes makes the license expired exactly then", () => {
    const at = expiryFrom({ kind: "duration", seconds: 60 }, from);
    if (at === undefined) throw new Error("expected an expiry");
    expect(licenseState(license({ expiresAt: at }), new Date(from.getTime() + 59_999))).toBe("active");
    expect(licenseState(license({ expiresAt: at }), new Date(from.getTime() + 60_000))).toBe("expired");
  });
});
