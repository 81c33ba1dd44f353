import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStore, type Store } from "@ninsho/store";
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

  describe("error", () => {
    it("rolls back only the transaction that threw; the others in its group commit", async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          store.transaction(async (tx) => {
            await tx.settings.set(`row${i}`, "written");
            if (i === 7) throw new Error("work 7 fails");
            return i;
          }),
        ),
      );
      const failed = results.filter((r) => r.status === "rejected");
      expect(failed).toHaveLength(1);
      expect(await store.settings.get("row7")).toBeUndefined();
      for (const i of [0, 6, 8, 19]) expect(await store.settings.get(`row${i}`)).toBe("written");
    });

    it("a failing statement inside one transaction does not poison the group", async () => {
      await store.settings.set("taken", "x");
      const results = await Promise.allSettled([
        store.transaction((tx) => tx.settings.set("a", "1")),
        store.transaction(async (tx) => {
          await tx.settings.set("b", "1");
          // A duplicate primary key: the statement fails inside this transaction only.
          await tx.tokens.insert({ id: "tok_dup", name: "n", role: "admin", createdAt: "t" }, "d1");
          await tx.tokens.insert({ id: "tok_dup", name: "n", role: "admin", createdAt: "t" }, "d2");
        }),
        store.transaction((tx) => tx.settings.set("c", "1")),
      ]);
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      expect([
        await store.settings.get("a"),
        await store.settings.get("b"),
        await store.settings.get("c"),
      ]).toEqual(["1", undefined, "1"]);
      expect(await store.tokens.findById("tok_dup")).toBeUndefined();
    });
  });
});
