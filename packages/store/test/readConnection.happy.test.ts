/**
 * SQLite's read connection: a read outside a transaction runs beside an open write transaction instead of
 * waiting for it, sees only what is committed, and a read inside a transaction sees that transaction's writes.
 * Without the read connection the first test never finishes: its read waits for a transaction that waits for
 * the read (and fails by the test's timeout).
 */
import { describe, expect, it } from "vitest";
import { aProduct } from "./support/builders.js";
import { deferred, useStore } from "./support/databases.js";

describe("sqlite read connection", () => {
  const t = useStore("sqlite");

  it("answers a read while a write transaction is open, with the committed state only", async () => {
    const committed = aProduct();
    await t.store.products.insert(committed);
    const pending = aProduct();
    const inside = deferred();
    const gate = deferred();
    const writing = t.store.transaction(async (tx) => {
      await tx.products.insert(pending);
      // Inside its own transaction, a read sees the transaction's write (it runs on the writing connection).
      const own = await tx.products.findById(pending.id);
      inside.resolve();
      await gate.promise;
      return own;
    });
    await inside.promise;

    // The transaction is open and holds the writing connection: these reads must not wait for it.
    expect(await t.store.products.findById(committed.id)).toEqual(committed);
    expect(await t.store.products.findById(pending.id)).toBeUndefined();

    gate.resolve();
    expect(await writing).toEqual(pending);
    // Committed before the transaction's promise resolved: visible to the next read at once.
    expect(await t.store.products.findById(pending.id)).toEqual(pending);
  });

  it("rolls back what a failed transaction wrote, for readers too", async () => {
    const lost = aProduct();
    await expect(
      t.store.transaction(async (tx) => {
        await tx.products.insert(lost);
        throw new Error("planned");
      }),
    ).rejects.toThrow("planned");
    expect(await t.store.products.findById(lost.id)).toBeUndefined();
  });
});
