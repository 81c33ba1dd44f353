/**
 * The channel rules as pure functions: bindings (OEM, bundle), trial marks, upgrade bases, a subscription's
 * grace after a failed payment (the billing decision with the policy's grace) and entitlements, decided on facts with no I/O.
 */
import {
  applyBilling,
  changeEntitlements,
  decideChannel,
  effectiveEntitlements,
  judgeBinding,
  judgeTrial,
  judgeUpgrade,
  licenseRefusal,
  trialMarks,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { fingerprintOf, license, machine, NOW, policy, refusal } from "./support/activationFixtures.js";

const KEY = Buffer.alloc(32, 7);
const DAY = 86_400_000;

describe("bindings (OEM, bundle)", () => {
  const oem = policy({ channel: "oem" });
  const board = (unit: string) => ({ kind: "board", digests: [`b-${unit}`] });

  it("binds the first device's board, keeps it, and refuses another board", () => {
    expect(judgeBinding(license(), oem, fingerprintOf(machine("a")))).toEqual({
      ok: true,
      value: { kind: "bind", bound: board("a") },
    });
    const bound = license({ boundComponent: board("a") });
    expect(judgeBinding(bound, oem, fingerprintOf(machine("a")))).toEqual({
      ok: true,
      value: { kind: "kept" },
    });
    expect(refusal(judgeBinding(bound, oem, fingerprintOf(machine("b")))).code).toBe("OEM_BOARD_CHANGED");
  });

  it("a warranty repair rebinds to the presented board", () => {
    const repair = { at: NOW.toISOString(), actor: "token:tok_1", reason: "RMA" };
    const judged = judgeBinding(
      license({ boundComponent: board("a"), warrantyRepair: repair }),
      oem,
      fingerprintOf(machine("b")),
    );
    expect(judged).toEqual({ ok: true, value: { kind: "rebind", bound: board("b"), repair } });
  });

  it("follows the bound board to a newer collector's digest only through a predecessor set that holds it", () => {
    const bound = license({ boundComponent: board("a") });
    const updated = fingerprintOf(machine("a2"));
    const migrate = judgeBinding(bound, oem, updated, "full", [fingerprintOf(machine("a"))]);
    expect(migrate).toEqual({ ok: true, value: { kind: "migrate", bound: board("a2") } });
    // Another machine's old reading is no way to the bound board; a repair is not used up by a migration.
    expect(refusal(judgeBinding(bound, oem, updated, "full", [fingerprintOf(machine("b"))])).code).toBe(
      "OEM_BOARD_CHANGED",
    );
  });

  it("a bundle binds its named kind; other channels bind nothing; a missing kind is refused", () => {
    const dsp = policy({ channel: "bundle", bundleComponent: "disk" });
    const bound = license({ boundComponent: { kind: "disk", digests: ["d-a"] } });
    expect(refusal(judgeBinding(bound, dsp, fingerprintOf(machine("b")))).code).toBe(
      "BUNDLE_COMPONENT_CHANGED",
    );
    expect(judgeBinding(license(), policy(), fingerprintOf(machine("a")))).toEqual({
      ok: true,
      value: { kind: "unbound" },
    });
    const boardless = fingerprintOf(machine("a").filter((c) => c.kind !== "board"));
    expect(refusal(judgeBinding(license(), oem, boardless)).code).toBe("BOUND_COMPONENT_MISSING");
  });
});

describe("trials", () => {
  it("marks the machine's anchors per product, never the install id, and never the digests themselves", () => {
    const marks = trialMarks(KEY, "prd_app", fingerprintOf(machine("a")));
    expect(marks).toHaveLength(2);
    expect(marks.join()).not.toMatch(/b-a|d-a/);
    const reinstalled = machine("a").map((c) => (c.kind === "os-install" ? { ...c, digest: "o-new" } : c));
    expect(trialMarks(KEY, "prd_app", fingerprintOf(reinstalled))).toEqual(marks);
    expect(trialMarks(KEY, "prd_other", fingerprintOf(machine("a")))).not.toEqual(marks);
  });

  it("lets the same trial back, refuses another, and refuses a machine with no anchor", () => {
    expect(judgeTrial("lic_1", ["t1.x"], ["lic_1"]).ok).toBe(true);
    expect(refusal(judgeTrial("lic_2", ["t1.x"], ["lic_1"])).code).toBe("TRIAL_ALREADY_USED");
    expect(refusal(judgeTrial("lic_2", [], [])).code).toBe("BOUND_COMPONENT_MISSING");
  });
});

describe("upgrades", () => {
  const up = policy({ id: "pol_up", channel: "upgrade", basePolicyId: "pol_retail" });
  const upgrade = license({ id: "lic_up", policyId: "pol_up" });
  const base = license({ id: "lic_base" });

  it("consumes a qualifying base, keeps a chain once made, and needs one the first time", () => {
    const judged = judgeUpgrade(upgrade, up, { license: base, namedBy: "key", onThisMachine: false }, NOW);
    expect(judged).toEqual({ ok: true, value: { kind: "consume", base } });
    const chained = license({ id: "lic_up", policyId: "pol_up", baseLicenseId: "lic_base" });
    expect(judgeUpgrade(chained, up, undefined, NOW)).toEqual({
      ok: true,
      value: { kind: "kept", baseLicenseId: "lic_base" },
    });
    expect(refusal(judgeUpgrade(upgrade, up, undefined, NOW)).code).toBe("UPGRADE_BASE_REQUIRED");
  });

  it.each([
    [
      "consumed",
      { license: license({ id: "lic_base", consumedBy: "lic_other" }), namedBy: "key", onThisMachine: false },
    ],
    [
      "policy",
      { license: license({ id: "lic_base", policyId: "pol_oem" }), namedBy: "key", onThisMachine: false },
    ],
    [
      "inactive",
      { license: license({ id: "lic_base", status: "revoked" }), namedBy: "key", onThisMachine: false },
    ],
    ["machine", { license: base, namedBy: "id", onThisMachine: false }],
  ] as const)("refuses a base that is %s", (why, candidate) => {
    const refused = refusal(judgeUpgrade(upgrade, up, candidate, NOW));
    expect(refused).toMatchObject({ code: "UPGRADE_BASE_INVALID", params: { why } });
  });

  it("decideChannel runs the upgrade rule with the others; a consumed base is refused by itself", () => {
    const decided = decideChannel({
      license: upgrade,
      policy: up,
      fingerprint: fingerprintOf(machine("a")),
      now: NOW,
    });
    expect(refusal(decided).code).toBe("UPGRADE_BASE_REQUIRED");
    expect(licenseRefusal(license({ consumedBy: "lic_up" }), NOW)?.code).toBe("LICENSE_UPGRADED");
  });
});

describe("subscriptions", () => {
  const sub = policy({ channel: "subscription", graceAfterPaymentFailureDays: 3 });
  const value = <T>(result: { ok: true; value: T } | { ok: false }) => {
    if (!result.ok) throw new Error("expected a change");
    return result.value;
  };

  it("a failed payment runs the policy's grace from the first failure only; a renewal clears it", () => {
    const first = value(
      applyBilling(license({ expiresAt: NOW.toISOString() }), { kind: "payment_failed" }, NOW, sub),
    );
    expect(first).toMatchObject({
      expiresAt: new Date(NOW.getTime() + 3 * DAY).toISOString(),
      pastDueSince: NOW.toISOString(),
    });
    const pastDue = license({ expiresAt: first.expiresAt ?? "", pastDueSince: NOW.toISOString() });
    const again = value(
      applyBilling(pastDue, { kind: "payment_failed" }, new Date(NOW.getTime() + 2 * DAY), sub),
    );
    expect(again.expiresAt).toBe(first.expiresAt);
    const end = new Date(NOW.getTime() + 30 * DAY).toISOString();
    expect(
      value(applyBilling(pastDue, { kind: "renewed", periodEnd: end }, NOW, sub)).pastDueSince,
    ).toBeNull();
  });

  it("past the grace the license is refused as past due, not merely expired", () => {
    const lapsed = license({ expiresAt: NOW.toISOString(), pastDueSince: NOW.toISOString() });
    expect(licenseRefusal(lapsed, new Date(NOW.getTime() + 1))?.code).toBe("SUBSCRIPTION_PAST_DUE");
    expect(licenseRefusal(license({ expiresAt: NOW.toISOString() }), new Date(NOW.getTime() + 1))?.code).toBe(
      "LICENSE_EXPIRED",
    );
  });
});

describe("entitlements", () => {
  it("a license adds and removes features on top of its policy's", () => {
    const p = policy({ entitlements: ["pro", "beta"] });
    expect(effectiveEntitlements(p, license())).toEqual(["pro", "beta"]);
    const changes = { add: ["export"], remove: ["beta"] };
    expect(effectiveEntitlements(p, license({ entitlementChanges: changes }))).toEqual(["export", "pro"]);
  });

  it("adding undoes a removal and the other way round; nothing left is no change", () => {
    const first = changeEntitlements(undefined, ["export"], ["beta"]);
    expect(first).toEqual({ add: ["export"], remove: ["beta"] });
    expect(changeEntitlements(first, ["beta"], ["export"])).toEqual({ add: ["beta"], remove: ["export"] });
    expect(changeEntitlements({ add: ["x"], remove: [] }, [], ["x"])).toEqual({ add: [], remove: ["x"] });
    expect(changeEntitlements(undefined, [], [])).toBeUndefined();
  });
});
