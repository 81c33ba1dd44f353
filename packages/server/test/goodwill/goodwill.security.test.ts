/**
 * Who may extend: readonly and device credentials are refused before anything is decided; support's bound
 * cannot be dodged by racing two extensions (the decision is made under the license's lock). SQLite file and
 * PostgreSQL.
 */
import { describe, expect, it } from "vitest";
import { backends, useBackendServers } from "../support/backends.js";
import { machine } from "../support/fingerprints.js";
import { errorOf } from "../support/http.js";
import { expiringLicense, extend, plusDays } from "./extend.js";

describe.each(backends)("goodwill extension guarded on $name", ({ name, skip }) => {
  const start = useBackendServers(name);

  describe.skipIf(skip)("security", () => {
    it("a readonly token, a device's lease and no token at all are refused; the expiry stays", async () => {
      const t = await start();
      const readonly = await t.token("readonly");
      const c = await t.catalogue({ expiry: { kind: "duration", seconds: 10 * 86_400 } });
      const activated = await t.activated(c.key, machine("guarded"));
      const lease = activated.lease;
      const to = plusDays(t.clock.now(), 12);
      const byReadonly = await extend(t, c.licenseId, to, readonly.token);
      expect([byReadonly.status, errorOf(byReadonly).code]).toEqual([403, "FORBIDDEN"]);
      const byDevice = await extend(t, c.licenseId, to, lease);
      expect(byDevice.status).toBe(401);
      const byNobody = await t.adminCall(
        "POST",
        `/v1/admin/licenses/${c.licenseId}/extend`,
        { expiresAt: to, reason: "x" },
        "",
      );
      expect(byNobody.status).toBe(401);
      expect((await t.timeline(c.licenseId)).some((e) => e.type === "license.extended")).toBe(false);
    });

    it("two support extensions at once: exactly one passes", async () => {
      const t = await start();
      const a = await t.token("support", "desk a");
      const b = await t.token("support", "desk b");
      const { licenseId, expiresAt } = await expiringLicense(t);
      const answers = await Promise.all([
        extend(t, licenseId, plusDays(expiresAt, 10), a.token),
        extend(t, licenseId, plusDays(expiresAt, 20), b.token),
      ]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 403]);
      const logged = (await t.timeline(licenseId)).filter((e) => e.type === "license.extended");
      expect(logged).toHaveLength(1);
    });
  });
});
