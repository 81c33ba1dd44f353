import pg from "pg";
import { describe, expect, it } from "vitest";
import { aDevice, aProduct, aSigningKey, at, seedLicense } from "./support/builders.js";
import {
  deferred,
  dialects,
  rawQuery,
  type TestDatabase,
  tableNames,
  useStore,
} from "./support/databases.js";

/**
 * The reads behind validation, activation and the admin token check, as the repositories issue them: each must
 * be answered through an index, never a scan of a table that grows with the customers.
 */
const HOT_READS: Readonly<Record<string, string>> = {
  "license by key digest": "select * from licenses where key_digest = 'x'",
  "license by id": "select * from licenses where id = 'x'",
  "device by id": "select * from devices where id = 'x'",
  "device with its license (validation by lease)":
    "select devices.*, licenses.status from devices inner join licenses on licenses.id = devices.license_id where devices.id = 'x'",
  "active devices of a license":
    "select * from devices where license_id = 'x' and deactivated_at is null order by id",
  "transfers of a license since": `select * from events where license_id = 'x' and type in ('device.transferred')
    and created_at >= '2026' order by id`,
  "admin token by digest": "select * from admin_tokens where token_digest = 'x'",
  "license by short id": `select licenses.* from license_short_ids inner join licenses
    on licenses.id = license_short_ids.license_id where license_short_ids.short_id = 1`,
  "offline answer by request": "select * from offline_activations where request_id = 'x'",
  "rate-limit counter": "select points, expire from rate_limits where key = 'x'",
  "licenses of a product": "select * from licenses where product_id = 'x' order by id limit 100",
};

/** The plan's lines; on PostgreSQL with sequential scans priced out, so an existing index is always chosen. */
async function plan(db: TestDatabase, query: string): Promise<string[]> {
  if (db.dialect === "sqlite") {
    const rows = await rawQuery(db, `explain query plan ${query}`);
    return rows.map((row) => String(row.detail));
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query("set enable_seqscan = off");
    const result = await client.query<{ "QUERY PLAN": string }>(`explain ${query}`);
    return result.rows.map((row) => row["QUERY PLAN"]);
  } finally {
    await client.end();
  }
}

describe.each(dialects)("$dialect", ({ dialect, skip }) => {
  describe.skipIf(skip)("many processes: read paths, rate-limit table, key rotation columns", () => {
    const t = useStore(dialect);

    it.each(Object.entries(HOT_READS))("%s is an indexed lookup", async (_name, query) => {
      const lines = await plan(t.db, query);
      const scans =
        dialect === "sqlite"
          ? lines.filter((line) => /^SCAN /.test(line))
          : lines.filter((line) => line.includes("Seq Scan") || line.includes("Parallel"));
      expect(scans, lines.join("\n")).toEqual([]);
      // A whole-index walk with a filter is a scan too: PostgreSQL must have narrowed by an index condition.
      if (dialect === "postgres") expect(lines.join("\n")).toContain("Index Cond");
    });

    it("has the shared rate-limit table, empty", async () => {
      expect(await tableNames(t.db)).toContain("rate_limits");
      expect(await rawQuery(t.db, "select * from rate_limits")).toEqual([]);
    });

    it("keeps a key's activation instant, and retires a product's other keys at a hand-over instant", async () => {
      const product = aProduct();
      await t.store.products.insert(product);
      const old = aSigningKey(product.id, { createdAt: at(1) });
      const gone = aSigningKey(product.id, { createdAt: at(2), retiredAt: at(3) });
      const next = aSigningKey(product.id, { createdAt: at(4), activeFrom: at(100) });
      for (const key of [old, gone, next]) await t.store.products.insertSigningKey(key);

      const retired = await t.store.products.retireSigningKeysAt(product.id, next.kid, at(100));
      expect(retired).toEqual([old.kid]);
      const keys = new Map((await t.store.products.listSigningKeys(product.id)).map((k) => [k.kid, k]));
      expect(keys.get(next.kid)).toStrictEqual(next);
      expect(keys.get(old.kid)).toStrictEqual({ ...old, retiredAt: at(100) });
      expect(keys.get(gone.kid)).toStrictEqual(gone);
    });

    it("finds a device with its license in one lookup, and nothing for an unknown device", async () => {
      const { license } = await seedLicense(t.store, {
        license: { expiresAt: at(500), ownerEmail: "a@b.example" },
      });
      const device = aDevice(license.id);
      await t.store.devices.insert(device);
      const found = await t.store.devices.findWithLicense(device.id);
      expect(found?.device).toStrictEqual(device);
      expect(found?.license).toStrictEqual(await t.store.licenses.findById(license.id));
      expect(await t.store.devices.findWithLicense("dev_unknown")).toBeUndefined();
    });

    it.skipIf(dialect === "sqlite")(
      "a transaction PostgreSQL aborts as a deadlock victim runs again and commits",
      async () => {
        const one = (await seedLicense(t.store)).license;
        const two = (await seedLicense(t.store)).license;
        const aLocked = deferred();
        const bLocked = deferred();
        const runs = { a: 0, b: 0 };
        // Each holds one license row and asks for the other's: PostgreSQL aborts one of them.
        const a = t.store.transaction(async (tx) => {
          runs.a++;
          await tx.licenses.lockById(one.id);
          aLocked.resolve();
          await bLocked.promise;
          await tx.licenses.lockById(two.id);
          await tx.licenses.update(one.id, { statusReason: "a" });
        });
        const b = t.store.transaction(async (tx) => {
          runs.b++;
          await tx.licenses.lockById(two.id);
          bLocked.resolve();
          await aLocked.promise;
          await tx.licenses.lockById(one.id);
          await tx.licenses.update(two.id, { statusReason: "b" });
        });
        await Promise.all([a, b]);
        expect(runs.a + runs.b).toBe(3);
        expect((await t.store.licenses.findById(one.id))?.statusReason).toBe("a");
        expect((await t.store.licenses.findById(two.id))?.statusReason).toBe("b");
      },
      15_000,
    );

    it("touchMany writes a large batch (several statements' worth) and skips unknown devices", async () => {
      const { license } = await seedLicense(t.store);
      const devices = Array.from({ length: 2500 }, () => aDevice(license.id, { lastSeenAt: at(0) }));
      await t.store.transaction(async (tx) => {
        for (const device of devices) await tx.devices.insert(device);
      });
      const seen = new Map(devices.map((d, i) => [d.id, at(10 + (i % 7))] as const));
      seen.set("dev_unknown", at(50));
      await t.store.transaction((tx) => tx.devices.touchMany(seen));
      const active = await t.store.devices.listActive(license.id);
      expect(active).toHaveLength(devices.length);
      for (const device of active) expect(device.lastSeenAt).toBe(seen.get(device.id));
    });
  });
});
