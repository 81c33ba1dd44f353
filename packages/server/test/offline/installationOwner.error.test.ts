import { generateProductKey } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { machine } from "../support/fingerprints.js";
import { errorOf } from "../support/http.js";
import { useServers } from "../support/server.js";
import { installationIdOf } from "./support.js";

describe("whose installation ID: POST /v1/admin/offline/installations", () => {
  const servers = useServers();

  describe("error: bad input is a 4xx with a code, never a 5xx", () => {
    it("names a mistyped group, a missing or unknown field, and an ID of no license", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const iid = await installationIdOf(t, c.productId, c.key, machine("caller"));
      const groups = iid.text.split("-");
      const typo = [
        ...groups.slice(0, 2),
        groups[2]?.replace(/^./, (d) => String((Number(d) + 1) % 10)),
        ...groups.slice(3),
      ];
      const mistyped = await t.adminPost("/v1/admin/offline/installations", {
        installationId: typo.join("-"),
      });
      expect(mistyped.status).toBe(400);
      expect(errorOf(mistyped).code).toBe("INSTALLATION_ID_MALFORMED");
      for (const body of [{}, { installationId: "" }, { installationId: iid.text, extra: 1 }]) {
        const res = await t.adminPost("/v1/admin/offline/installations", body);
        expect(res.status).toBe(400);
        expect(errorOf(res).code).toBe("VALIDATION_FAILED");
      }
      const unknown = await installationIdOf(t, c.productId, generateProductKey(), machine("caller"));
      const missing = await t.adminPost("/v1/admin/offline/installations", { installationId: unknown.text });
      expect(missing.status).toBe(404);
      expect(errorOf(missing).code).toBe("INSTALLATION_ID_NOT_FOUND");
    });
  });
});
