import { describe, expect, it } from "vitest";
import { call, errorOf } from "./support/http.js";
import { useServers } from "./support/server.js";

const MISSING = "lic_01JNOTHEREXXXXXXXXXXXXXXXX";

describe("admin: reading licenses", () => {
  const servers = useServers();

  describe("error", () => {
    it("lookup: a typo is KEY_MALFORMED, an unknown key KEY_NOT_FOUND; unknown ids LICENSE_NOT_FOUND", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const typo = `${c.key.slice(0, -1)}${c.key.endsWith("B") ? "C" : "B"}`;
      const malformed = await t.adminPost("/v1/admin/licenses/lookup", { key: typo });
      expect([malformed.status, errorOf(malformed).code]).toEqual([400, "KEY_MALFORMED"]);
      expect(errorOf(malformed).details).toMatchObject({ groups: [5] });
      const { generateProductKey } = await import("@ninsho/core");
      const unknown = await t.adminPost("/v1/admin/licenses/lookup", { key: generateProductKey() });
      expect([unknown.status, errorOf(unknown).code]).toEqual([404, "KEY_NOT_FOUND"]);
      expect(errorOf(await t.adminPost("/v1/admin/licenses/lookup", {})).code).toBe("VALIDATION_FAILED");
      // The key never travels in a URL: the old query form finds no route that reads it.
      const inUrl = await t.adminGet(`/v1/admin/licenses/lookup?key=${c.key}`);
      expect(inUrl.status).toBeGreaterThanOrEqual(400);
      expect(inUrl.status).toBeLessThan(500);
      expect(inUrl.text).not.toContain(c.licenseId);
      for (const path of [`/v1/admin/licenses/${MISSING}`, `/v1/admin/licenses/${MISSING}/timeline`]) {
        const res = await t.adminGet(path);
        expect([res.status, errorOf(res).code]).toEqual([404, "LICENSE_NOT_FOUND"]);
      }
      for (const query of ["status=lost", "limit=0", "limit=1001", "limit=many"]) {
        const res = await t.adminGet(`/v1/admin/licenses?${query}`);
        expect([res.status, errorOf(res).code], query).toEqual([400, "VALIDATION_FAILED"]);
      }
    });
  });
});

describe("admin: license actions", () => {
  const servers = useServers();

  describe("error", () => {
    it("refuses impossible transitions with LICENSE_STATE_CONFLICT (409)", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const id = c.licenseId;
      const conflict = async (action: string, body: Record<string, unknown> = { reason: "x" }) => {
        const res = await t.adminPost(`/v1/admin/licenses/${id}/${action}`, body);
        expect([res.status, errorOf(res).code], action).toEqual([409, "LICENSE_STATE_CONFLICT"]);
        return errorOf(res);
      };
      await conflict("reinstate"); // active
      await t.adminPost(`/v1/admin/licenses/${id}/suspend`, { reason: "x" });
      expect((await conflict("suspend")).message).toContain("suspended");
      await t.adminPost(`/v1/admin/licenses/${id}/revoke`, { reason: "x" });
      await conflict("revoke");
      await conflict("suspend");
      await conflict("reinstate");
      await conflict("extend", { expiresAt: null, reason: "x" });
    });

    it("needs a reason, a valid date, and an existing license", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const bad: [string, unknown][] = [
        ["suspend", {}],
        ["suspend", { reason: "" }],
        ["revoke", { reason: "x".repeat(501) }],
        ["extend", { reason: "x" }],
        ["extend", { expiresAt: "soon", reason: "x" }],
        ["owner", { email: "not-an-email", reason: "x" }],
        ["owner", { email: "a@b.jp" }],
      ];
      for (const [action, body] of bad) {
        const res = await t.adminPost(`/v1/admin/licenses/${c.licenseId}/${action}`, body);
        expect([res.status, errorOf(res).code], `${action} ${JSON.stringify(body)}`).toEqual([
          400,
          "VALIDATION_FAILED",
        ]);
      }
      for (const [action, body] of [
        ["suspend", { reason: "x" }],
        ["reinstate", { reason: "x" }],
        ["revoke", { reason: "x" }],
        ["extend", { expiresAt: null, reason: "x" }],
        ["owner", { email: null, reason: "x" }],
      ] as const) {
        const res = await t.adminPost(`/v1/admin/licenses/${MISSING}/${action}`, body);
        expect([res.status, errorOf(res).code], action).toEqual([404, "LICENSE_NOT_FOUND"]);
      }
    });
  });
});

describe("admin: tokens", () => {
  const servers = useServers();

  describe("error", () => {
    it("refuses unknown roles and answers TOKEN_NOT_FOUND", async () => {
      const t = await servers.start();
      for (const body of [{ name: "x", role: "root" }, { name: "", role: "admin" }, { role: "admin" }]) {
        expect(errorOf(await t.adminPost("/v1/admin/tokens", body)).code).toBe("VALIDATION_FAILED");
      }
      const missing = await call(t.app, "DELETE", "/v1/admin/tokens/tok_nope", undefined, { token: t.admin });
      expect([missing.status, errorOf(missing).code]).toEqual([404, "TOKEN_NOT_FOUND"]);
    });
  });
});
