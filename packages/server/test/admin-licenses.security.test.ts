import { describe, expect, it } from "vitest";
import { errorOf } from "./support/http.js";
import { useServers } from "./support/server.js";

describe("admin: tokens", () => {
  const servers = useServers();

  describe("security", () => {
    it("only an admin manages tokens: support cannot mint an admin token", async () => {
      const t = await servers.start();
      const support = await t.token("support");
      const res = await t.adminPost("/v1/admin/tokens", { name: "escalate", role: "admin" }, support.token);
      expect([res.status, errorOf(res).code]).toEqual([403, "FORBIDDEN"]);
      expect((await t.adminGet("/v1/admin/tokens", support.token)).status).toBe(403);
    });
  });
});
