import { describe, expect, it } from "vitest";
import { post } from "./support/http.js";
import { useServers } from "./support/server.js";

describe("admin: issuing keys", () => {
  const servers = useServers();

  describe("security", () => {
    it("support and readonly tokens cannot issue keys", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      for (const role of ["support", "readonly"] as const) {
        const { token } = await t.token(role);
        for (const path of ["/v1/admin/licenses", "/v1/admin/key-batches"]) {
          const res = await post(t.app, path, { policyId: c.policyId, count: 1 }, { token });
          expect(res.status).toBe(403);
        }
      }
    });
  });
});
