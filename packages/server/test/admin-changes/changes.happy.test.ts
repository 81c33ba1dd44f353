/**
 * Admin changes (issue 13 point 7): an edited policy reaches its devices at their next refresh and the timeline
 * says so; a license moves to another policy; overrides lift one license's device limit; notes; the audit log
 * names every admin action with actor, target and reason.
 */
import { type LeaseClaims, verifyLease } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { DAY, HOUR } from "../support/clock.js";
import { machine } from "../support/fingerprints.js";
import { call, errorOf, str } from "../support/http.js";
import { type TestServer, useServers } from "../support/server.js";

async function claimsOf(t: TestServer, lease: string): Promise<LeaseClaims> {
  const claims = verifyLease(lease, await t.publicKeys());
  if (!claims.ok) throw new Error("a genuine lease verifies");
  return claims.value;
}

describe("admin changes", () => {
  const servers = useServers();

  it("a policy edit reaches devices at their next refresh, and the license's timeline says so", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ leaseSeconds: DAY / 1000, entitlements: ["basic"] });
    const fp = machine("edited");
    const { lease } = await t.activated(c.key, fp);
    expect((await claimsOf(t, lease)).ent).toEqual(["basic"]);

    const edited = await call(
      t.app,
      "PATCH",
      `/v1/admin/policies/${c.policyId}`,
      {
        entitlements: ["basic", "export"],
        leaseSeconds: (2 * DAY) / 1000,
        reason: "export for everyone on this plan",
      },
      { token: t.admin },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ entitlements: ["basic", "export"], updatedAt: expect.any(String) });

    t.clock.advance(HOUR); // long before the old lease was due for renewal: the edit alone makes a new one
    const refreshed = await t.validate({ lease }, fp);
    expect(refreshed.status).toBe(200);
    const claims = await claimsOf(t, str(refreshed.body, "lease"));
    expect(claims.ent).toEqual(["basic", "export"]);
    expect(claims.lxp - claims.iat).toBe((2 * DAY) / 1000);

    const timeline = await t.timeline(c.licenseId);
    const edit = timeline.find((e) => e.type === "policy.updated");
    expect(edit).toMatchObject({
      reason: "export for everyone on this plan",
      data: { policyId: c.policyId, changes: { entitlements: { from: ["basic"], to: ["basic", "export"] } } },
    });
    expect((edit as { params?: Record<string, unknown> }).params).toMatchObject({
      fields: "entitlements, leaseSeconds",
    });
  });

  it("moves a license to another policy of its product; its device follows the new rules", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ maxDevices: 1 });
    const family = await t.policy(c.productId, { maxDevices: 5 });
    await t.activated(c.key, machine("first"));
    expect(errorOf(await t.activate(c.key, machine("second"))).code).toBe("DEVICE_LIMIT_REACHED");
    const moved = await t.adminPost(`/v1/admin/licenses/${c.licenseId}/policy`, {
      policyId: family,
      reason: "family plan",
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ policyId: family });
    expect((await t.activate(c.key, machine("second"))).status).toBe(201);
    expect((await t.timeline(c.licenseId)).map((e) => e.type)).toContain("license.policy_changed");
  });

  it("overrides lift one license's device limit and transfer allowance, and clear back to the policy", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ maxDevices: 1 }, 2);
    const other = c.licenses[1];
    if (!other) throw new Error("two licenses");
    await t.activated(c.key, machine("one"));
    const set = await call(
      t.app,
      "PATCH",
      `/v1/admin/licenses/${c.licenseId}/overrides`,
      {
        maxDevices: 2,
        transfersPerYear: 10,
        reason: "bought a second seat",
      },
      { token: t.admin },
    );
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ overrides: { maxDevices: 2, transfersPerYear: 10 } });
    expect((await t.activate(c.key, machine("two"))).status).toBe(201);
    expect(errorOf(await t.activate(c.key, machine("three"))).code).toBe("DEVICE_LIMIT_REACHED");
    // The other license of the same policy keeps the policy's limit.
    await t.activated(other.key, machine("other-one"));
    expect(errorOf(await t.activate(other.key, machine("other-two"))).code).toBe("DEVICE_LIMIT_REACHED");

    const cleared = await call(
      t.app,
      "PATCH",
      `/v1/admin/licenses/${c.licenseId}/overrides`,
      {
        maxDevices: null,
        transfersPerYear: null,
        reason: "back to the plan",
      },
      { token: t.admin },
    );
    expect(cleared.body).not.toHaveProperty("overrides");
    const changes = (await t.timeline(c.licenseId)).filter((e) => e.type === "license.overrides_changed");
    expect(changes.map((e) => e.data)).toEqual([
      { from: {}, to: { maxDevices: 2, transfersPerYear: 10 } },
      { from: { maxDevices: 2, transfersPerYear: 10 }, to: {} },
    ]);
  });

  it("archives a policy: its licenses keep working; restore opens it again; products likewise", async () => {
    const t = await servers.start();
    const c = await t.catalogue();
    await t.activated(c.key, machine("kept"));
    const archived = await t.adminPost(`/v1/admin/policies/${c.policyId}/archive`, { reason: "old plan" });
    expect(archived.body).toMatchObject({ archivedAt: expect.any(String) });
    expect((await t.activate(c.key, machine("kept"))).status).toBe(200);
    expect((await t.activate(c.key, machine("new"))).status).toBe(201);
    const restored = await t.adminPost(`/v1/admin/policies/${c.policyId}/restore`, {
      reason: "back on sale",
    });
    expect(restored.body).not.toHaveProperty("archivedAt");
    expect((await t.adminPost("/v1/admin/licenses", { policyId: c.policyId, count: 1 })).status).toBe(201);

    const renamed = await call(
      t.app,
      "PATCH",
      `/v1/admin/products/${c.productId}`,
      {
        name: "Photo Studio 2027",
        reason: "new release",
      },
      { token: t.admin },
    );
    expect(renamed.body).toMatchObject({ name: "Photo Studio 2027" });
    const product = await t.adminPost(`/v1/admin/products/${c.productId}/archive`, {
      reason: "discontinued",
    });
    expect(product.body).toMatchObject({ archivedAt: expect.any(String) });
  });

  it("keeps notes for staff in the timeline", async () => {
    const t = await servers.start();
    const c = await t.catalogue();
    const support = await t.token("support");
    const noted = await t.adminPost(
      `/v1/admin/licenses/${c.licenseId}/notes`,
      { text: "called: new PC" },
      support.token,
    );
    expect(noted.status).toBe(201);
    const note = (await t.timeline(c.licenseId)).find((e) => e.type === "license.noted");
    expect(note).toMatchObject({ actor: `token:${support.id}`, reason: "called: new PC" });
  });

  it("audits every admin action with actor, target and reason: key reveal, tokens, rotation, edits, overrides", async () => {
    const t = await servers.start();
    const c = await t.catalogue();
    const me = str((await t.adminGet("/v1/admin/whoami")).body, "tokenId");
    const created = await t.token("readonly", "ci");
    await call(t.app, "DELETE", `/v1/admin/tokens/${created.id}?reason=rotated%20ci`, undefined, {
      token: t.admin,
    });
    await t.adminGet(`/v1/admin/licenses/${c.licenseId}/key?reason=customer%20lost%20it`);
    await t.adminPost(`/v1/admin/products/${c.productId}/signing-keys`, {});
    await call(
      t.app,
      "PATCH",
      `/v1/admin/licenses/${c.licenseId}/overrides`,
      { maxDevices: 4, reason: "deal" },
      {
        token: t.admin,
      },
    );
    await call(
      t.app,
      "PATCH",
      `/v1/admin/policies/${c.policyId}`,
      { name: "Renamed", reason: "clarity" },
      {
        token: t.admin,
      },
    );
    const audit = await t.adminGet("/v1/admin/audit");
    expect(audit.status).toBe(200);
    const entries = (
      audit.body.entries as { type: string; actor: string; target?: string; reason?: string }[]
    ).map(({ type, actor, target, reason }) => ({ type, actor, target, reason }));
    const actor = `token:${me}`;
    expect(entries).toEqual(
      expect.arrayContaining([
        { type: "token.created", actor, target: created.id, reason: undefined },
        { type: "token.revoked", actor, target: created.id, reason: "rotated ci" },
        { type: "license.key_revealed", actor, target: c.licenseId, reason: "customer lost it" },
        { type: "signing_key.rotated", actor, target: c.productId, reason: undefined },
        { type: "license.overrides_changed", actor, target: c.licenseId, reason: "deal" },
        { type: "policy.updated", actor, target: c.policyId, reason: "clarity" },
      ]),
    );
    const about = await t.adminGet(`/v1/admin/audit?target=${c.licenseId}`);
    expect((about.body.entries as { target: string }[]).every((e) => e.target === c.licenseId)).toBe(true);
    expect(audit.text).not.toMatch(/nsh_admin_|[A-Z0-9]{5}-[A-Z0-9]{5}-/);
  });
});
