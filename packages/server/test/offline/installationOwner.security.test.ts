import { encodeInstallationId, generateProductKey } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { machine } from "../support/fingerprints.js";
import { errorOf, post } from "../support/http.js";
import { useServers } from "../support/server.js";
import { installationIdOf } from "./support.js";

describe("whose installation ID: POST /v1/admin/offline/installations", () => {
  const servers = useServers();

  describe("security", () => {
    it("answers support and admin tokens only", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const iid = await installationIdOf(t, c.productId, c.key, machine("caller"));
      const body = { installationId: iid.text };
      expect((await post(t.app, "/v1/admin/offline/installations", body)).status).toBe(401);
      const readonly = await t.token("readonly");
      expect((await t.adminPost("/v1/admin/offline/installations", body, readonly.token)).status).toBe(403);
    });

    // The attacker knows a license's short id (it is in every installation ID of that license) but not its key:
    // the ID they make up is refused as an unknown one, and no owner is named.
    it("reveals no owner for a made-up ID naming a real license without its key's proof", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const [owned] = await t.issue(c.policyId, 1, "aiko@example.jp");
      if (!owned) throw new Error("no license");
      const genuine = await installationIdOf(t, c.productId, owned.key, machine("caller"));
      const forged = encodeInstallationId({ ...genuine, proof: genuine.proof ^ 1 });
      const unknown = await installationIdOf(t, c.productId, generateProductKey(), machine("caller"));
      const refused = await t.adminPost("/v1/admin/offline/installations", { installationId: forged.text });
      const never = await t.adminPost("/v1/admin/offline/installations", { installationId: unknown.text });
      expect(refused.status).toBe(404);
      expect(errorOf(refused)).toEqual(errorOf(never));
      expect(refused.text).not.toContain(owned.id);
      expect(refused.text).not.toContain("example.jp");
    });

    it("names no owner for another product's ID made with this license's key", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const other = await t.catalogue();
      const crossed = await installationIdOf(t, other.productId, c.key, machine("caller"));
      const res = await t.adminPost("/v1/admin/offline/installations", { installationId: crossed.text });
      expect(res.status).toBe(404);
      expect(res.text).not.toContain(c.licenseId);
    });
  });
});
