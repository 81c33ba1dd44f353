/**
 * Channel rules refusing bad input and impossible requests with the right code: policies whose channel fields
 * make no sense, an upgrade without a base or with one that does not qualify, a repair on an unbound license.
 */
import { generateProductKey } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { machine } from "../support/fingerprints.js";
import { errorOf, post } from "../support/http.js";
import { useServers } from "../support/server.js";
import { activateWithBase, warrantyRepair } from "./support.js";

describe("channels", () => {
  const servers = useServers("all");

  it.each([
    [{ channel: "bundle" }, "bundleComponent: required"],
    [{ channel: "retail", bundleComponent: "gpu" }, "bundleComponent: only for bundle"],
    [{ channel: "retail", graceAfterPaymentFailureDays: 3 }, "graceAfterPaymentFailureDays: only"],
  ])("a policy %j is refused with VALIDATION_FAILED", async (fields, issue) => {
    const t = await servers.start();
    const productId = await t.product();
    const res = await t.adminPost("/v1/admin/policies", { productId, name: "x", ...fields });
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe("VALIDATION_FAILED");
    expect(res.text).toContain(issue);
  });

  it("an upgrade with no base, a base key that names nothing, or a base of the wrong edition is refused", async () => {
    const t = await servers.start();
    const base = await t.catalogue({ channel: "retail" });
    const other = await t.policy(base.productId, { channel: "retail", name: "Other edition" });
    const [wrong] = await t.issue(other);
    const policy = await t.policy(base.productId, { channel: "upgrade", basePolicyId: base.policyId });
    const [upgrade] = await t.issue(policy);
    if (!upgrade || !wrong) throw new Error("keys");
    const fp = machine("err-upgrade");
    expect(errorOf(await t.activate(upgrade.key, fp)).code).toBe("UPGRADE_BASE_REQUIRED");
    const missing = await activateWithBase(t, upgrade.key, fp, { baseKey: "BCDFG-HJKMP-QRTVW-XY234-6789B" });
    expect(errorOf(missing)).toMatchObject({ code: "UPGRADE_BASE_INVALID" });
    const wrongEdition = await activateWithBase(t, upgrade.key, fp, { baseKey: wrong.key });
    expect(wrongEdition.status).toBe(409);
    expect(errorOf(wrongEdition).message).toMatch(/edition/);
    // Nothing was consumed by the refusals: the right base still works.
    expect((await activateWithBase(t, upgrade.key, fp, { baseKey: base.key })).status).toBe(201);
  });

  it("a warranty repair on a retail license is WARRANTY_REPAIR_NOT_APPLICABLE; on a missing one, not found", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ channel: "retail" });
    const res = await warrantyRepair(t, c.licenseId);
    expect(res.status).toBe(409);
    expect(errorOf(res).code).toBe("WARRANTY_REPAIR_NOT_APPLICABLE");
    const none = await warrantyRepair(t, "lic_01JNOTHEREXXXXXXXXXXXXXXXX");
    expect(errorOf(none).code).toBe("LICENSE_NOT_FOUND");
  });

  it("entitlements without a reason or with an empty name are VALIDATION_FAILED", async () => {
    const t = await servers.start();
    const c = await t.catalogue();
    const path = `/v1/admin/licenses/${c.licenseId}/entitlements`;
    expect(errorOf(await t.adminPost(path, { add: ["x"] })).code).toBe("VALIDATION_FAILED");
    expect(errorOf(await t.adminPost(path, { add: [""], reason: "r" })).code).toBe("VALIDATION_FAILED");
  });

  it("usage for a mistyped or unknown key names the problem like any key lookup", async () => {
    const t = await servers.start();
    expect(errorOf(await post(t.app, "/v1/licenses/usage", { key: "BCDFG" })).code).toBe("KEY_MALFORMED");
    const unknown = await post(t.app, "/v1/licenses/usage", { key: generateProductKey() });
    expect(errorOf(unknown).code).toBe("KEY_NOT_FOUND");
  });
});
