/**
 * Support on the phone asks whose license an installation ID belongs to before issuing its confirmation:
 * POST /v1/admin/offline/installations, on SQLite and PostgreSQL.
 */
import { describe, expect, it } from "vitest";
import { backends, useBackendServers } from "../support/backends.js";
import { machine } from "../support/fingerprints.js";
import { installationIdOf } from "./support.js";

describe.each(backends)("whose installation ID on $name", ({ name, skip }) => {
  describe.skipIf(skip)("happy", () => {
    const start = useBackendServers(name);

    it("names the license, its product and state, and the owner's address masked; reads only", async () => {
      const t = await start();
      const c = await t.catalogue();
      const [owned] = await t.issue(c.policyId, 1, "aiko@example.jp");
      if (!owned) throw new Error("no license");
      const iid = await installationIdOf(t, c.productId, owned.key, machine("caller"));
      const support = await t.token("support");
      const res = await t.adminPost(
        "/v1/admin/offline/installations",
        { installationId: iid.text },
        support.token,
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        license: { id: owned.id, productId: c.productId, productName: "Test product", state: "active" },
        owner: { kind: "email", email: "a•••@example.jp" },
        requestDate: t.clock.now().toISOString().slice(0, 10),
      });
      expect(res.text).not.toContain("aiko@");
      // Nothing was activated or written: the caller's machine holds no slot yet.
      expect((await t.timeline(owned.id)).map((e) => e.type)).toEqual(["license.created"]);
    });

    it("says when a license has no owner", async () => {
      const t = await start();
      const c = await t.catalogue();
      const iid = await installationIdOf(t, c.productId, c.key, machine("caller"));
      const res = await t.adminPost("/v1/admin/offline/installations", { installationId: iid.text });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ license: { id: c.licenseId }, owner: { kind: "none" } });
    });
  });
});
