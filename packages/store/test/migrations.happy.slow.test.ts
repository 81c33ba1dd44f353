import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStore, isPostgresUrl } from "@ninsho/store";
import { describe, expect, it } from "vitest";
import { aProduct } from "./support/builders.js";
import { appliedMigrations, dialects, tableNames, useDatabases } from "./support/databases.js";

/** Tables of the first migration, which later migrations must keep. */
const INITIAL_TABLES = [
  "admin_tokens",
  "devices",
  "events",
  "licenses",
  "policies",
  "products",
  "settings",
  "signing_keys",
  "kysely_migration",
  "kysely_migration_lock",
];

describe.each(dialects)("$dialect", ({ dialect, skip }) => {
  describe.skipIf(skip)("migrations and the store handle", () => {
    const databases = useDatabases(dialect);

    /** What one store migrating one fresh database alone produces: the reference for the other tests. */
    let reference: Promise<{ migrations: string[]; tables: string[] }> | undefined;
    const migratedAlone = () => {
      reference ??= (async () => {
        const db = await databases.create();
        await databases.open(db).migrate();
        return { migrations: await appliedMigrations(db), tables: await tableNames(db) };
      })();
      return reference;
    };

    it("opens without touching the schema; migrate() creates every table and records each migration once", async () => {
      const db = await databases.create();
      const store = databases.open(db);
      expect(store.dialect).toBe(dialect);
      expect(store.singleWriterProcess).toBe(dialect === "sqlite");
      await store.ping();
      expect(await tableNames(db)).toEqual([]);
      await expect(store.products.list()).rejects.toThrow();

      await store.migrate();
      const tables = await tableNames(db);
      expect(tables).toEqual(expect.arrayContaining(INITIAL_TABLES));
      const applied = await appliedMigrations(db);
      expect(applied[0]).toBe("0001_initial");
      expect(new Set(applied).size).toBe(applied.length);
      expect(await store.products.list()).toEqual([]);
      expect({ migrations: applied, tables }).toEqual(await migratedAlone());
    });

    it("is idempotent: running again, on the same store and on a new one, applies nothing and keeps the data", async () => {
      const db = await databases.create();
      const first = databases.open(db);
      await first.migrate();
      const product = aProduct();
      await first.products.insert(product);

      await first.migrate();
      const second = databases.open(db);
      await second.migrate();
      await second.migrate();

      expect({ migrations: await appliedMigrations(db), tables: await tableNames(db) }).toEqual(
        await migratedAlone(),
      );
      expect(await second.products.list()).toEqual([product]);
    });

    it.runIf(dialect === "postgres")(
      "three store instances migrating one database at once all succeed, and the schema is applied once",
      async () => {
        for (let round = 0; round < 3; round++) {
          const db = await databases.create();
          const stores = [databases.open(db), databases.open(db), databases.open(db)];
          const outcomes = await Promise.allSettled(stores.map((store) => store.migrate()));
          expect(outcomes.map((o) => (o.status === "rejected" ? String(o.reason) : "ok"))).toEqual([
            "ok",
            "ok",
            "ok",
          ]);
          expect({ migrations: await appliedMigrations(db), tables: await tableNames(db) }).toEqual(
            await migratedAlone(),
          );
          // and every instance works on the result
          for (const store of stores) await store.products.insert(aProduct());
          const listed = await stores[0]?.products.list();
          expect(listed).toHaveLength(3);
        }
      },
    );

    it("closes: a closed store no longer answers", async () => {
      const db = await databases.create();
      const store = createStore({ url: db.url });
      await store.migrate();
      await store.ping();
      await store.close();
      await expect(store.ping()).rejects.toThrow();
    });
  });
});

describe("createStore picks the dialect from the URL", () => {
  it("treats postgres:// and postgresql:// (any case) as PostgreSQL, anything else as a SQLite path", () => {
    expect(isPostgresUrl("postgres://u@h/db")).toBe(true);
    expect(isPostgresUrl("postgresql://u@h:5432/db")).toBe(true);
    expect(isPostgresUrl("POSTGRES://u@h/db")).toBe(true);
    expect(isPostgresUrl("./data/ninsho.db")).toBe(false);
    expect(isPostgresUrl(":memory:")).toBe(false);
    expect(isPostgresUrl("/var/lib/postgres/ninsho.db")).toBe(false);
  });

  it("opens SQLite in memory and creates the parent directories of a file path", async () => {
    const memory = createStore({ url: ":memory:" });
    try {
      expect(memory.dialect).toBe("sqlite");
      await memory.migrate();
      const product = aProduct();
      await memory.products.insert(product);
      expect(await memory.products.findById(product.id)).toEqual(product);
    } finally {
      await memory.close();
    }

    const dir = mkdtempSync(join(tmpdir(), "ninsho-store-dirs-"));
    const nested = join(dir, "a", "b", "ninsho.db");
    const store = createStore({ url: nested });
    try {
      await store.migrate();
      expect(existsSync(nested)).toBe(true);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
