import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStore, type Store } from "@ninsho/store";
import SqliteDatabase from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

/** SQLite's group commit: transactions asked for together share one COMMIT, each keeping its own semantics. */
describe("SQLite group commit", () => {
  let dir: string;
  let store: Store;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "ninsho-group-"));
    store = createStore({ url: join(dir, "db.sqlite") });
    await store.migrate();
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe("happy", () => {
    it("runs concurrent transactions one after another: each sees every earlier write", async () => {
      const seen = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          store.transaction(async (tx) => {
            const before = Number((await tx.settings.get("counter")) ?? "0");
            await tx.settings.set("counter", String(before + 1));
            await tx.settings.set(`k${i}`, "v");
            return before;
          }),
        ),
      );
      expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
      expect(await store.settings.get("counter")).toBe("40");
    });

    it("resolves a transaction only once its writes are committed and visible to another connection", async () => {
      const path = join(dir, "db.sqlite");
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store
            .transaction(async (tx) => tx.settings.set(`durable${i}`, "yes"))
            .then(() => {
              const other = new SqliteDatabase(path, { readonly: true });
              try {
                const row = other.prepare("select value from settings where key = ?").get(`durable${i}`);
                expect(row).toEqual({ value: "yes" });
              } finally {
                other.close();
              }
            }),
        ),
      );
    });
  });
});
