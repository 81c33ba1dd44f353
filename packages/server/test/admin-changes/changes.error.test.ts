/** Admin changes refuse nonsense with a catalogue code, and change nothing when they do. */
import { describe, expect, it } from "vitest";
import { DAY } from "../support/clock.js";
import { call, errorOf, str } from "../support/http.js";
import { useServers } from "../support/server.js";

describe("admin changes refused", () => {
  const servers = useServers("all");

  it("refuses an extension to a past date (EXPIRY_IN_PAST), and the expiry stays", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ expiry: { kind: "duration", seconds: 30 * 86_400 } });
    const past = new Date(t.clock.now().getTime() - DAY).toISOString();
    const res = await t.adminPost(`/v1/admin/licenses/${c.licenseId}/extend`, {
      expiresAt: past,
      reason: "typo",
    });
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: "EXPIRY_IN_PAST" });
    expect((await t.timeline(c.licenseId)).map((e) => e.type)).not.toContain("license.extended");
  });

  it("refuses unknown component kinds in weights, on create and on edit (COMPONENT_KIND_UNKNOWN)", async () => {
    const t = await servers.start();
    const c = await t.catalogue();
    const created = await t.adminPost("/v1/admin/policies", {
      productId: c.productId,
      name: "typo",
      channel: "retail",
      componentWeights: { board: 10, motherbord: 5 },
    });
    expect(errorOf(created)).toMatchObject({ code: "COMPONENT_KIND_UNKNOWN" });
    expect(errorOf(created).message).toContain("motherbord");
    const edited = await call(
      t.app,
      "PATCH",
      `/v1/admin/policies/${c.policyId}`,
      {
        componentWeights: { boards: 1 },
        reason: "x",
      },
      { token: t.admin },
    );
    expect(errorOf(edited).code).toBe("COMPONENT_KIND_UNKNOWN");
    const vendorKind = await t.adminPost("/v1/admin/policies", {
      productId: c.productId,
      name: "dongle",
      channel: "retail",
      componentWeights: { board: 1, "vendor-dongle": 9 },
    });
    expect(vendorKind.status).toBe(201);
  });

  it("refuses a workload policy on which no weighted component is readable in a container", async () => {
    const t = await servers.start();
    const productId = await t.product();
    const body = { productId, name: "pods", channel: "workload", seats: 5 };
    const hostOnly = await t.adminPost("/v1/admin/policies", {
      ...body,
      componentWeights: { board: 5, disk: 5 },
    });
    expect(errorOf(hostOnly).code).toBe("WEIGHTS_UNREADABLE_IN_CONTAINER");
    const good = await t.adminPost("/v1/admin/policies", {
      ...body,
      componentWeights: { "os-install": 15, cpu: 2 },
    });
    expect(good.status).toBe(201);
    const broken = await call(
      t.app,
      "PATCH",
      `/v1/admin/policies/${str(good.body, "id")}`,
      {
        componentWeights: { mac: 1 },
        reason: "x",
      },
      { token: t.admin },
    );
    expect(errorOf(broken).code).toBe("WEIGHTS_UNREADABLE_IN_CONTAINER");
  });

  it("refuses revoking the last live admin token (LAST_ADMIN_TOKEN); with a second one it goes", async () => {
    const t = await servers.start({});
    const me = str((await t.adminGet("/v1/admin/whoami")).body, "tokenId");
    const others = (await t.store.tokens.list()).filter(
      (k) => k.role === "admin" && k.id !== me && !k.revokedAt,
    );
    for (const other of others)
      await call(t.app, "DELETE", `/v1/admin/tokens/${other.id}`, undefined, { token: t.admin });
    const refused = await call(t.app, "DELETE", `/v1/admin/tokens/${me}`, undefined, { token: t.admin });
    expect(refused.status).toBe(409);
    expect(errorOf(refused).code).toBe("LAST_ADMIN_TOKEN");
    expect((await t.adminGet("/v1/admin/whoami")).status).toBe(200);
    const spare = await t.token("admin", "spare");
    const revoked = await call(t.app, "DELETE", `/v1/admin/tokens/${me}`, undefined, { token: spare.token });
    expect(revoked.status).toBe(200);
  });

  it("refuses moving a license to an archived policy or another product's (POLICY_ARCHIVED, POLICY_OF_OTHER_PRODUCT)", async () => {
    const t = await servers.start();
    const c = await t.catalogue();
    const old = await t.policy(c.productId);
    await t.adminPost(`/v1/admin/policies/${old}/archive`, { reason: "retired" });
    const toArchived = await t.adminPost(`/v1/admin/licenses/${c.licenseId}/policy`, {
      policyId: old,
      reason: "x",
    });
    expect(errorOf(toArchived).code).toBe("POLICY_ARCHIVED");
    const elsewhere = await t.catalogue();
    const toOther = await t.adminPost(`/v1/admin/licenses/${c.licenseId}/policy`, {
      policyId: elsewhere.policyId,
      reason: "x",
    });
    expect(errorOf(toOther).code).toBe("POLICY_OF_OTHER_PRODUCT");
    expect(str((await t.adminGet(`/v1/admin/licenses/${c.licenseId}`)).body, "policyId")).toBe(c.policyId);
  });
});
