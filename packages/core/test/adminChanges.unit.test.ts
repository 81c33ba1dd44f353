import { describe, expect, it } from "vitest";
import { argumentNames } from "../src/i18n/index.js";
import {
  applyBilling,
  effectivePolicy,
  type License,
  mergeOverrides,
  ownerTimeline,
  signWebhook,
  timelineMessage,
  timelineTexts,
  verifyWebhook,
  weightsProblem,
} from "../src/index.js";
import { policy as aPolicy } from "./support/activationFixtures.js";

const license: License = {
  id: "lic_1",
  productId: "prd_1",
  policyId: "pol_1",
  status: "active",
  keyHint: "ABCDE",
  createdAt: "2026-01-01T00:00:00.000Z",
  expiresAt: "2026-02-01T00:00:00.000Z",
};
const now = new Date("2026-01-20T00:00:00.000Z");

describe("billing decision", () => {
  it("renewal only moves expiry forward; a late, older renewal never shortens it", () => {
    const later = applyBilling(license, { kind: "renewed", periodEnd: "2026-03-01T00:00:00Z" }, now);
    expect(later.ok && later.value.expiresAt).toBe("2026-03-01T00:00:00.000Z");
    const older = applyBilling(license, { kind: "renewed", periodEnd: "2026-01-25T00:00:00Z" }, now);
    expect(older.ok && older.value.expiresAt).toBe(license.expiresAt);
  });

  it("payment failure gives grace from now; cancel ends at the period end; refund revokes; revoked stays", () => {
    const grace = applyBilling(license, { kind: "payment_failed", graceDays: 30 }, now);
    expect(grace.ok && grace.value.expiresAt).toBe("2026-02-19T00:00:00.000Z");
    const cancel = applyBilling(license, { kind: "canceled", periodEnd: "2026-01-31T00:00:00Z" }, now);
    expect(cancel.ok && cancel.value).toMatchObject({
      status: "active",
      expiresAt: "2026-01-31T00:00:00.000Z",
    });
    const refund = applyBilling(license, { kind: "refunded" }, now);
    expect(refund.ok && refund.value).toMatchObject({ status: "revoked", event: "billing.refunded" });
    const revoked = applyBilling(
      { ...license, status: "revoked" },
      { kind: "renewed", periodEnd: "2027-01-01T00:00:00Z" },
      now,
    );
    expect(revoked.ok).toBe(false);
  });
});

describe("effective policy", () => {
  it("lays a license's overrides over its policy; cleared fields follow the policy again", () => {
    const policy = aPolicy();
    const overrides = mergeOverrides(undefined, { maxDevices: 9, transferable: false });
    expect(effectivePolicy(policy, overrides === undefined ? {} : { overrides })).toMatchObject({
      maxDevices: 9,
      transferable: false,
      transfersPerYear: policy.transfersPerYear,
    });
    expect(mergeOverrides(overrides, { maxDevices: null, transferable: null })).toBeUndefined();
    expect(effectivePolicy(policy, {})).toBe(policy);
  });
});

describe("weights", () => {
  it("names unknown kinds, accepts vendor- kinds, and needs a container-readable kind for workloads", () => {
    expect(weightsProblem({ board: 1, bord: 2 }, "retail")).toMatchObject({ code: "COMPONENT_KIND_UNKNOWN" });
    expect(weightsProblem({ board: 1, "vendor-dongle": 2 }, "retail")).toBeUndefined();
    expect(weightsProblem({ board: 1, disk: 1 }, "workload")).toMatchObject({
      code: "WEIGHTS_UNREADABLE_IN_CONTAINER",
    });
    expect(weightsProblem({ board: 1, "os-install": 0 }, "workload")).toBeDefined();
    expect(weightsProblem({ "os-install": 1 }, "workload")).toBeUndefined();
  });
});

describe("webhook signatures", () => {
  it("verifies its own signature, any v1 of two, and refuses stale or altered ones", () => {
    const t = Math.floor(now.getTime() / 1000);
    const header = signWebhook("s3cret", t, "{}");
    expect(verifyWebhook(header, "{}", "s3cret", now)).toEqual({ ok: true, value: t });
    const rolled = `${header},v1=${"0".repeat(64)}`;
    expect(verifyWebhook(rolled, "{}", "s3cret", now).ok).toBe(true);
    expect(verifyWebhook(header, "{} ", "s3cret", now).ok).toBe(false);
    expect(verifyWebhook(header, "{}", "s3cret", new Date(now.getTime() + 301_000))).toMatchObject({
      ok: false,
      error: { params: { cause: "stale" } },
    });
    expect(verifyWebhook("v1=abc", "{}", "s3cret", now)).toMatchObject({
      error: { params: { cause: "malformed" } },
    });
  });
});

describe("timeline words", () => {
  it("words every entry in both languages with the same arguments, and hides staff notes from owners", () => {
    for (const [code, text] of Object.entries(timelineTexts)) {
      expect(argumentNames(text.ja).sort(), code).toEqual(argumentNames(text.en).sort());
    }
    const entry = { code: "license.suspended", params: { reason: "chargeback" } };
    expect(timelineMessage(entry, "en")).toBe("License suspended: chargeback");
    expect(timelineMessage(entry, "ja")).toBe("ライセンスが一時停止されました: chargeback");
    expect(timelineMessage({ code: "something.new", params: {} }, "en")).toBe("something.new");
    const base = { licenseId: "lic_1", params: {}, data: {}, createdAt: "2026-01-01T00:00:00.000Z" };
    const shown = ownerTimeline([
      { ...base, id: "1", type: "license.noted", code: "license.noted", actor: "token:tok_1" },
      { ...base, id: "2", type: "license.suspended", code: "license.suspended", actor: "token:tok_1" },
    ]);
    expect(shown).toEqual([expect.objectContaining({ id: "2", actor: "support" })]);
  });
});
