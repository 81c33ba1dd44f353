/** Support's goodwill extension within its bounds, on a SQLite file and on PostgreSQL; admins keep full power. */
import { describe, expect, it } from "vitest";
import { backends, useBackendServers } from "../support/backends.js";
import { DAY } from "../support/clock.js";
import { expiringLicense, extend, plusDays } from "./extend.js";

describe.each(backends)("goodwill extension on $name", ({ name, skip }) => {
  const start = useBackendServers(name);

  describe.skipIf(skip)("happy", () => {
    it("support extends by up to 30 days past the expiry; the timeline and the audit log name the token and reason", async () => {
      const t = await start();
      const support = await t.token("support");
      const { licenseId, expiresAt } = await expiringLicense(t);
      const to = plusDays(expiresAt, 30);
      const res = await extend(t, licenseId, to, support.token, "customer waited for a refund");
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ expiresAt: to, state: "active" });

      const events = (await t.timeline(licenseId)).filter((e) => e.type === "license.extended");
      expect(events).toEqual([
        expect.objectContaining({
          actor: `token:${support.id}`,
          data: { from: expiresAt, to, by: "support" },
        }),
      ]);
      const audit = await t.adminGet(`/v1/admin/audit?target=${licenseId}&type=license.extended`);
      expect((audit.body as { entries: unknown[] }).entries).toEqual([
        expect.objectContaining({
          actor: `token:${support.id}`,
          reason: "customer waited for a refund",
          data: { from: expiresAt, to, by: "support" },
        }),
      ]);
    });

    it("an expired license gets up to 30 days from now, not from the day it ended", async () => {
      const t = await start();
      const support = await t.token("support");
      const { licenseId } = await expiringLicense(t, 1);
      t.clock.advance(5 * DAY);
      const to = plusDays(t.clock.now(), 30);
      const res = await extend(t, licenseId, to, support.token);
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ expiresAt: to, state: "active" });
    });

    it("support may extend again once 30 days have passed since its last extension", async () => {
      const t = await start();
      const support = await t.token("support");
      const { licenseId, expiresAt } = await expiringLicense(t);
      expect((await extend(t, licenseId, plusDays(expiresAt, 5), support.token)).status).toBe(200);
      t.clock.advance(30 * DAY + 1000);
      const res = await extend(t, licenseId, plusDays(t.clock.now(), 20), support.token);
      expect(res.status, res.text).toBe(200);
    });

    it("an admin is unbound: a year further, perpetual, an earlier date, and right after support's extension", async () => {
      const t = await start();
      const support = await t.token("support");
      const { licenseId, expiresAt } = await expiringLicense(t);
      expect((await extend(t, licenseId, plusDays(expiresAt, 3), support.token)).status).toBe(200);
      expect((await extend(t, licenseId, plusDays(expiresAt, 365), t.admin)).status).toBe(200);
      expect((await extend(t, licenseId, plusDays(expiresAt, -5), t.admin)).status).toBe(200);
      const perpetual = await extend(t, licenseId, null, t.admin);
      expect(perpetual.status).toBe(200);
      expect(perpetual.body).not.toHaveProperty("expiresAt");
      const data = (await t.timeline(licenseId))
        .filter((e) => e.type === "license.extended")
        .map((e) => e.data);
      expect(data.map((d) => d.by ?? "admin")).toEqual(["support", "admin", "admin", "admin"]);
    });
  });
});
