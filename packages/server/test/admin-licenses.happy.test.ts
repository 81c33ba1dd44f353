import { describe, expect, it } from "vitest";
import type { EventBody, LicenseBody } from "./support/bodies.js";
import { DAY } from "./support/clock.js";
import { machine } from "./support/fingerprints.js";
import { call, errorOf, get, str } from "./support/http.js";
import { forgivingForms } from "./support/keys.js";
import { aDevice, useServers } from "./support/server.js";

const licensesOf = (body: unknown) => (body as { licenses: LicenseBody[] }).licenses;
const MISSING = "lic_01JNOTHEREXXXXXXXXXXXXXXXX";

describe("admin: reading licenses", () => {
  const servers = useServers();

  describe("happy", () => {
    it("lists licenses filtered by product, policy, status and owner email, page by page", async () => {
      const t = await servers.start();
      const a = await t.catalogue({}, 3);
      const b = await t.catalogue({}, 2);
      await t.adminPost(`/v1/admin/licenses/${a.licenseId}/suspend`, { reason: "audit" });
      const owned = await t.issue(b.policyId, 1, "Owner@Example.com");

      const all = licensesOf((await t.adminGet("/v1/admin/licenses")).body);
      expect(all).toHaveLength(6);
      expect(licensesOf((await t.adminGet(`/v1/admin/licenses?productId=${a.productId}`)).body)).toHaveLength(
        3,
      );
      expect(licensesOf((await t.adminGet(`/v1/admin/licenses?policyId=${b.policyId}`)).body)).toHaveLength(
        3,
      );
      const suspended = licensesOf((await t.adminGet("/v1/admin/licenses?status=suspended")).body);
      expect(suspended.map((l) => [l.id, l.state, l.statusReason])).toEqual([
        [a.licenseId, "suspended", "audit"],
      ]);
      const byEmail = licensesOf((await t.adminGet("/v1/admin/licenses?email=owner%40example.com")).body);
      expect(byEmail.map((l) => l.id)).toEqual([owned[0]?.id]);

      const page1 = licensesOf((await t.adminGet("/v1/admin/licenses?limit=4")).body);
      const last = page1.at(-1)?.id ?? "";
      const page2 = licensesOf((await t.adminGet(`/v1/admin/licenses?limit=4&after=${last}`)).body);
      expect(page1).toHaveLength(4);
      expect(page2).toHaveLength(2);
      expect([...page1, ...page2].map((l) => l.id)).toEqual(all.map((l) => l.id));
      expect(JSON.stringify(all)).not.toMatch(/sealed|keyDigest|key_digest/i);
    });

    it("finds a license by its key as a customer reads it out, with its devices", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const { deviceId } = await t.activated(c.key, machine("caller"), aDevice("Caller's PC", "windows"));
      for (const [form, typed] of Object.entries(forgivingForms(c.key))) {
        const res = await t.adminPost("/v1/admin/licenses/lookup", { key: typed });
        expect(res.status, form).toBe(200);
        expect(res.body).toMatchObject({ id: c.licenseId, devices: [{ id: deviceId, name: "Caller's PC" }] });
      }
    });

    it("shows a license with every device, deactivated ones included, and its timeline with actors and reasons", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 2 });
      const one = await t.activated(c.key, machine("one"));
      const two = await t.activated(c.key, machine("two"));
      const support = await t.token("support");
      await t.adminPost(
        `/v1/admin/devices/${one.deviceId}/deactivate`,
        { reason: "stolen laptop" },
        support.token,
      );
      t.clock.advance(DAY);
      await t.adminPost(`/v1/admin/licenses/${c.licenseId}/suspend`, { reason: "chargeback" });
      await t.adminPost(`/v1/admin/licenses/${c.licenseId}/reinstate`, { reason: "resolved" });

      const license = (await t.adminGet(`/v1/admin/licenses/${c.licenseId}`)).body as unknown as LicenseBody;
      expect(license.devices?.map((d) => [d.id, d.deactivatedAt !== undefined])).toEqual([
        [one.deviceId, true],
        [two.deviceId, false],
      ]);
      const events = (await t.timeline(c.licenseId)) as EventBody[];
      expect(events.map((e) => [e.type, e.reason ?? null])).toEqual([
        ["license.created", null],
        ["device.activated", null],
        ["device.activated", null],
        ["device.deactivated", "stolen laptop"],
        ["license.suspended", "chargeback"],
        ["license.reinstated", "resolved"],
      ]);
      expect(events[3]?.actor).toBe(`token:${support.id}`);
      expect(events[4]?.createdAt).toBe(t.clock.now().toISOString());
      const page = await t.adminGet(
        `/v1/admin/licenses/${c.licenseId}/timeline?limit=2&after=${events[1]?.id}`,
      );
      expect((page.body as { events: EventBody[] }).events.map((e) => e.id)).toEqual([
        events[2]?.id,
        events[3]?.id,
      ]);
    });

    it("reveals a license's key to an admin only, never cached", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const res = await t.adminGet(`/v1/admin/licenses/${c.licenseId}/key`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ key: c.key });
      expect(res.headers.get("cache-control")).toBe("no-store");
      const support = await t.token("support");
      expect((await t.adminGet(`/v1/admin/licenses/${c.licenseId}/key`, support.token)).status).toBe(403);
      const missing = await t.adminGet(`/v1/admin/licenses/${MISSING}/key`);
      expect(errorOf(missing).code).toBe("LICENSE_NOT_FOUND");
    });
  });
});

describe("admin: license actions", () => {
  const servers = useServers();

  describe("happy", () => {
    it("suspends, reinstates and revokes, each recorded; devices follow at once", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const fp = machine("acted-on");
      const { lease } = await t.activated(c.key, fp);

      const suspended = await t.adminPost(`/v1/admin/licenses/${c.licenseId}/suspend`, { reason: "unpaid" });
      expect(suspended.status).toBe(200);
      expect(suspended.body).toMatchObject({
        status: "suspended",
        state: "suspended",
        statusReason: "unpaid",
      });
      expect((await t.validate({ lease }, fp)).body).toMatchObject({ valid: false });

      const back = await t.adminPost(`/v1/admin/licenses/${c.licenseId}/reinstate`, { reason: "paid" });
      expect(back.body).toMatchObject({ status: "active", state: "active" });
      expect(back.body).not.toHaveProperty("statusReason");
      expect((await t.validate({ lease }, fp)).body).toMatchObject({ valid: true });

      const revoked = await t.adminPost(`/v1/admin/licenses/${c.licenseId}/revoke`, { reason: "refund" });
      expect(revoked.body).toMatchObject({ status: "revoked", statusReason: "refund" });
      const stored = (await t.adminGet(`/v1/admin/licenses/${c.licenseId}`)).body;
      expect(stored).toMatchObject({ status: "revoked", statusReason: "refund" });
      const types = (await t.timeline(c.licenseId)).map((e) => e.type);
      expect(types.slice(-3)).toEqual(["license.suspended", "license.reinstated", "license.revoked"]);
    });

    it("extends an expiry, or makes a license perpetual; an expired license comes back", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ expiry: { kind: "duration", seconds: 86_400 } });
      const fp = machine("extended");
      await t.activated(c.key, fp);
      t.clock.advance(2 * DAY);
      expect(errorOf(await t.activate(c.key, fp)).code).toBe("LICENSE_EXPIRED");
      const until = new Date(t.clock.now().getTime() + 30 * DAY);
      const extended = await t.adminPost(`/v1/admin/licenses/${c.licenseId}/extend`, {
        expiresAt: until.toISOString().replace("Z", "+00:00"),
        reason: "goodwill",
      });
      expect(extended.status).toBe(200);
      expect(extended.body).toMatchObject({ state: "active", expiresAt: until.toISOString() });
      expect((await t.activate(c.key, fp)).status).toBe(200);

      const perpetual = await t.adminPost(`/v1/admin/licenses/${c.licenseId}/extend`, {
        expiresAt: null,
        reason: "lifetime deal",
      });
      expect(perpetual.body).not.toHaveProperty("expiresAt");
      t.clock.advance(3650 * DAY);
      expect((await t.activate(c.key, fp)).status).toBe(200);
      const events = (await t.timeline(c.licenseId)) as EventBody[];
      expect(events.filter((e) => e.type === "license.extended").map((e) => e.data)).toEqual([
        { from: expect.any(String), to: until.toISOString() },
        { from: until.toISOString(), to: null },
      ]);
    });

    it("support reassigns the owner; the email is found case-insensitively", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const support = await t.token("support");
      const res = await t.adminPost(
        `/v1/admin/licenses/${c.licenseId}/owner`,
        { email: "Kenji@Example.JP", reason: "gift" },
        support.token,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ownerEmail: "kenji@example.jp" });
      expect((await t.adminGet(`/v1/admin/licenses/${c.licenseId}`)).body).toMatchObject({
        ownerEmail: "kenji@example.jp",
      });
      const found = licensesOf((await t.adminGet("/v1/admin/licenses?email=KENJI%40example.jp")).body);
      expect(found.map((l) => l.id)).toEqual([c.licenseId]);
      const cleared = await t.adminPost(`/v1/admin/licenses/${c.licenseId}/owner`, {
        email: null,
        reason: "x",
      });
      expect(cleared.body).not.toHaveProperty("ownerEmail");
    });
  });
});

describe("admin: tokens", () => {
  const servers = useServers();

  describe("happy", () => {
    it("creates a token shown once, lists tokens without secrets, and revokes: a revoked token is refused", async () => {
      const t = await servers.start();
      const res = await t.adminPost("/v1/admin/tokens", { name: "ci", role: "readonly" });
      expect(res.status).toBe(201);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const token = str(res.body, "token");
      const id = str(res.body, "id");
      expect(token).toMatch(/^nsh_admin_[\w-]{43}$/);
      expect(res.body).toMatchObject({
        name: "ci",
        role: "readonly",
        createdAt: t.clock.now().toISOString(),
      });

      expect((await get(t.app, "/v1/admin/whoami", { token })).body).toEqual({
        tokenId: id,
        role: "readonly",
      });
      const list = await t.adminGet("/v1/admin/tokens");
      const tokens = (list.body as { tokens: { id: string; name: string }[] }).tokens;
      expect(tokens.map((x) => x.name)).toEqual(["test admin", "ci"]);
      expect(list.text).not.toContain(token);
      expect(list.text).not.toMatch(/digest|nsh_admin_/i);

      t.clock.advance(60_000);
      const revoked = await call(t.app, "DELETE", `/v1/admin/tokens/${id}`, undefined, { token: t.admin });
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ id, revokedAt: t.clock.now().toISOString() });
      const refused = await get(t.app, "/v1/admin/whoami", { token });
      expect([refused.status, errorOf(refused).code]).toEqual([401, "UNAUTHENTICATED"]);
      // Revoking again keeps the first revocation time.
      t.clock.advance(60_000);
      const again = await call(t.app, "DELETE", `/v1/admin/tokens/${id}`, undefined, { token: t.admin });
      expect(str(again.body, "revokedAt")).toBe(str(revoked.body, "revokedAt"));
    });

    it("records when a token was last used, at most once a minute", async () => {
      const t = await servers.start();
      const created = await t.adminPost("/v1/admin/tokens", { name: "ops", role: "readonly" });
      const token = str(created.body, "token");
      const lastUsed = async () => {
        await new Promise((done) => setTimeout(done, 20)); // the note is written after the answer
        const list = (await t.adminGet("/v1/admin/tokens")).body as {
          tokens: { name: string; lastUsedAt?: string }[];
        };
        return list.tokens.find((x) => x.name === "ops")?.lastUsedAt;
      };
      expect(await lastUsed()).toBeUndefined();
      const first = t.clock.now().toISOString();
      await get(t.app, "/v1/admin/whoami", { token });
      expect(await lastUsed()).toBe(first);
      t.clock.advance(30_000);
      await get(t.app, "/v1/admin/whoami", { token });
      expect(await lastUsed()).toBe(first);
      t.clock.advance(31_000);
      await get(t.app, "/v1/admin/whoami", { token });
      expect(await lastUsed()).toBe(t.clock.now().toISOString());
    });
  });
});
