/**
 * Validations per day on the console's chart: counted in memory by the process that answers them and added to
 * one row per day when it flushes (never a write per validation), on SQLite and PostgreSQL.
 */
import { describe, expect, it } from "vitest";
import { backends, useBackendServers } from "./support/backends.js";
import { machine } from "./support/fingerprints.js";

interface DayBody {
  day: string;
  validations: number;
  activations: number;
}

describe.each(backends)("validations per day on $name", ({ name, skip }) => {
  describe.skipIf(skip)("the stats route", () => {
    const start = useBackendServers(name);

    it("counts each validation answered with a lease on its day, including the ones not flushed yet", async () => {
      const t = await start();
      const c = await t.catalogue({ maxDevices: 2 });
      const fp = machine(`validations-${name}`);
      const { lease } = await t.activated(c.key, fp);
      for (let i = 0; i < 3; i += 1) expect((await t.validate({ lease }, fp)).status).toBe(200);
      // Flushed by the recorder's own timer or not: the route writes what this process counted first.
      await t.deps.lastSeen.flush();
      expect((await t.validate({ lease }, fp)).status).toBe(200);
      const stats = await t.adminGet("/v1/admin/stats?days=3");
      const perDay = (stats.body as unknown as { perDay: DayBody[] }).perDay;
      expect(perDay.map((d) => d.validations)).toEqual([0, 0, 4]);
      expect(perDay.at(-1)?.activations).toBe(1);
      // The counter holds one row for the day, not a row per validation.
      const today = perDay.at(-1)?.day ?? "";
      expect(await t.store.dailyCounts.list("validations", today)).toEqual([{ day: today, count: 4 }]);
    });

    it("does not count a refused validation", async () => {
      const t = await start();
      const c = await t.catalogue({ maxDevices: 2 });
      const fp = machine(`refused-${name}`);
      const { deviceId, lease } = await t.activated(c.key, fp);
      const off = await t.adminPost(`/v1/admin/devices/${deviceId}/deactivate`, { reason: "sold" });
      expect(off.status).toBe(200);
      // A refusal is an answer too (200, valid: false, the catalogue's code), but no lease: not counted.
      const refused = await t.validate({ lease }, fp);
      expect((refused.body as unknown as { valid: boolean }).valid).toBe(false);
      const perDay = ((await t.adminGet("/v1/admin/stats?days=1")).body as unknown as { perDay: DayBody[] })
        .perDay;
      expect(perDay.map((d) => d.validations)).toEqual([0]);
    });
  });
});
