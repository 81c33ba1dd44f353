/**
 * Attackers: a support or readonly token trying to edit what only an admin may; an end user reading another
 * account's timeline by swapping ids, or reading staff notes in their own.
 */
import { describe, expect, it } from "vitest";
import { accountCall, signedIn } from "../support/accounts.js";
import { call, errorOf } from "../support/http.js";
import { useServers } from "../support/server.js";

describe("admin changes and timelines under attack", () => {
  const servers = useServers();

  it("support cannot edit or archive policies, move licenses or set overrides; readonly cannot add notes", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ maxDevices: 1 });
    const support = await t.token("support");
    const readonly = await t.token("readonly");
    const attempts: [string, string, unknown][] = [
      ["PATCH", `/v1/admin/policies/${c.policyId}`, { maxDevices: 100, reason: "x" }],
      ["POST", `/v1/admin/policies/${c.policyId}/archive`, { reason: "x" }],
      ["POST", `/v1/admin/licenses/${c.licenseId}/policy`, { policyId: c.policyId, reason: "x" }],
      ["PATCH", `/v1/admin/licenses/${c.licenseId}/overrides`, { maxDevices: 100, reason: "x" }],
      ["GET", "/v1/admin/audit", undefined],
    ];
    for (const [method, path, body] of attempts) {
      const res = await call(t.app, method, path, body, { token: support.token });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    const note = await t.adminPost(`/v1/admin/licenses/${c.licenseId}/notes`, { text: "x" }, readonly.token);
    expect(note.status).toBe(403);
    const policy = await t.adminGet(`/v1/admin/policies/${c.policyId}`);
    expect(policy.body).toMatchObject({ maxDevices: 1 });
    expect(policy.body).not.toHaveProperty("updatedAt");
  });

  it("an account reads only its own license's timeline, without staff notes or token ids", async () => {
    const t = await servers.start();
    const c = await t.catalogue({}, 2);
    const [mine, theirs] = c.licenses;
    if (!mine || !theirs) throw new Error("two licenses");
    const me = await signedIn(t, "aiko@example.jp");
    const other = await signedIn(t, "ben@example.jp");
    expect((await accountCall(t, "POST", "/v1/me/licenses", { key: mine.key }, { cookie: me })).status).toBe(
      200,
    );
    expect(
      (await accountCall(t, "POST", "/v1/me/licenses", { key: theirs.key }, { cookie: other })).status,
    ).toBe(200);
    await t.adminPost(`/v1/admin/licenses/${mine.id}/notes`, { text: "customer sounded angry" });
    await t.adminPost(`/v1/admin/licenses/${mine.id}/suspend`, { reason: "chargeback" });

    const own = await accountCall(t, "GET", `/v1/me/licenses/${mine.id}/timeline`, undefined, { cookie: me });
    expect(own.status).toBe(200);
    const types = (own.body.events as { type: string; actor: string }[]).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["license.created", "license.linked", "license.suspended"]));
    expect(types).not.toContain("license.noted");
    expect(own.text).not.toContain("customer sounded angry");
    expect(own.text).not.toMatch(/token:tok_/);

    const swapped = await accountCall(t, "GET", `/v1/me/licenses/${theirs.id}/timeline`, undefined, {
      cookie: me,
    });
    expect(swapped.status).toBe(404);
    expect(errorOf(swapped).code).toBe("LICENSE_NOT_FOUND");
    const anonymous = await accountCall(t, "GET", `/v1/me/licenses/${mine.id}/timeline`);
    expect(anonymous.status).toBe(401);
  });
});
