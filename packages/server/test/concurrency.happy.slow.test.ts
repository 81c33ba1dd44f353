/**
 * A device limit is never exceeded, under any concurrency: 200 activations of one 5-device key at once, on a
 * SQLite file and on PostgreSQL (skipped with a note when no PostgreSQL is reachable and CI is not set).
 */
import { describe, expect, it } from "vitest";
import { backends, useBackendServers } from "./support/backends.js";
import type { ActivationBody, DeviceSummaryBody } from "./support/bodies.js";
import { machine } from "./support/fingerprints.js";
import { errorOf } from "./support/http.js";
import { postgresRows } from "./support/postgres.js";
import type { TestServer } from "./support/server.js";
import { sqliteRows } from "./support/sqlite.js";

const PARALLEL = 200;
const LIMIT = 5;

describe.each(backends)("concurrency on $name", ({ name, skip }) => {
  const start = useBackendServers(name);

  /** Rows straight from the database, not through the store. */
  async function rows(t: TestServer, sql: { sqlite: string; postgres: string }, param: string) {
    if (name === "sqlite") return sqliteRows(t.dbPath ?? "", sql.sqlite, param);
    return postgresRows(t.storeUrl, sql.postgres, [param]);
  }

  describe.skipIf(skip)("happy", () => {
    it(`${PARALLEL} parallel activations of one ${LIMIT}-device key: exactly ${LIMIT} devices, the rest refused`, async () => {
      const t = await start();
      const c = await t.catalogue({ maxDevices: LIMIT });
      const answers = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) => t.activate(c.key, machine(`racer-${name}-${i}`))),
      );
      const created = answers.filter((a) => a.status === 201);
      const refused = answers.filter((a) => a.status === 409);
      expect(created).toHaveLength(LIMIT);
      expect(refused).toHaveLength(PARALLEL - LIMIT);
      const ids = new Set(created.map((a) => (a.body as unknown as ActivationBody).device.id));
      expect(ids.size).toBe(LIMIT);
      for (const res of refused) {
        const error = errorOf(res);
        expect(error.code).toBe("DEVICE_LIMIT_REACHED");
        const listed = (error.details as { devices: DeviceSummaryBody[] }).devices.map((d) => d.id);
        expect(new Set(listed)).toEqual(ids);
      }

      const stored = await rows(
        t,
        {
          sqlite: "select id from devices where license_id = ? and deactivated_at is null",
          postgres: "select id from devices where license_id = $1 and deactivated_at is null",
        },
        c.licenseId,
      );
      expect(new Set(stored.map((r) => String(r.id)))).toEqual(ids);
      const events = await rows(
        t,
        {
          sqlite: "select type, count(*) as n from events where license_id = ? group by type order by type",
          postgres:
            "select type, count(*)::int as n from events where license_id = $1 group by type order by type",
        },
        c.licenseId,
      );
      expect(events.map((e) => [e.type, Number(e.n)])).toEqual([
        ["activation.refused", PARALLEL - LIMIT],
        ["device.activated", LIMIT],
        ["license.created", 1],
      ]);
    });

    it(`${PARALLEL} parallel activations of one machine make one device, recognised by all the others`, async () => {
      const t = await start();
      const c = await t.catalogue({ maxDevices: LIMIT });
      const fp = machine(`same-${name}`);
      const answers = await Promise.all(Array.from({ length: PARALLEL }, () => t.activate(c.key, fp)));
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 200)).toHaveLength(PARALLEL - 1);
      const ids = new Set(answers.map((a) => (a.body as unknown as ActivationBody).device.id));
      expect(ids.size).toBe(1);
      const stored = await rows(
        t,
        {
          sqlite: "select id from devices where license_id = ?",
          postgres: "select id from devices where license_id = $1",
        },
        c.licenseId,
      );
      expect(stored).toHaveLength(1);
    });
  });
});
