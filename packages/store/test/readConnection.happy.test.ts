/**
 * SQLite's read connection: a read outside a transaction runs beside an open write transaction instead of
 * waiting for it, sees only what is committed, and a read inside a transaction sees that transaction's writes.
 * Without the read connection the first test never finishes: its read waits for a transaction that waits for
 * the read (and fails by the test's timeout).
 */
import { describe, expect, it } from "vitest";
import { aDevice, aProduct, at, domainOf, seedLicense } from "./support/builders.js";
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

  it("runs the hot reads (compiled once, straight on the read connection) beside an open write, committed state only", async () => {
    const { license } = await seedLicense(t.store);
    const before = aDevice(license.id);
    await t.store.devices.insert(before);
    const added = aDevice(license.id);
    const inside = deferred();
    const gate = deferred();
    const writing = t.store.transaction(async (tx) => {
      await tx.devices.insert(added);
      await tx.devices.update(before.id, { deactivatedAt: before.activatedAt });
      // The transaction's own reads see its writes.
      const own = {
        found: await tx.devices.findWithLicense(added.id),
        active: await tx.devices.listActive(license.id),
      };
      inside.resolve();
      await gate.promise;
      return own;
    });
    await inside.promise;

    expect(await t.store.devices.findWithLicense(added.id)).toBeUndefined();
    expect(await t.store.devices.findWithLicense(before.id)).toEqual({
      device: before,
      license: domainOf(license),
    });
    expect((await t.store.devices.listActive(license.id)).map((d) => d.id)).toEqual([before.id]);
    expect(await t.store.licenses.findByKeyDigest(license.keyDigest)).toEqual(domainOf(license));

    gate.resolve();
    const own = await writing;
    expect(own.found?.device).toEqual(added);
    expect(own.active.map((d) => d.id)).toEqual([added.id]);
    expect((await t.store.devices.findWithLicense(added.id))?.device).toEqual(added);
    expect((await t.store.devices.listActive(license.id)).map((d) => d.id)).toEqual([added.id]);
  });

  it("writes last-seen times from its worker only between the main writer's transactions, and reads go on", async () => {
    const { license } = await seedLicense(t.store);
    const device = aDevice(license.id, { lastSeenAt: at(0) });
    await t.store.devices.insert(device);
    const added = aDevice(license.id);
    const inside = deferred();
    const gate = deferred();
    const writing = t.store.transaction(async (tx) => {
      await tx.devices.insert(added);
      inside.resolve();
      await gate.promise;
    });
    await inside.promise;
    let touched = false;
    const touching = t.store.devices.touchMany(new Map([[device.id, at(50)]])).then(() => {
      touched = true;
    });
    // The transaction holds the one writing lock: the worker has not written, and reads answer meanwhile.
    expect((await t.store.devices.findWithLicense(device.id))?.device.lastSeenAt).toBe(at(0));
    expect(touched).toBe(false);
    gate.resolve();
    await Promise.all([writing, touching]);
    expect((await t.store.devices.findWithLicense(device.id))?.device.lastSeenAt).toBe(at(50));
    expect((await t.store.devices.findWithLicense(added.id))?.device).toEqual(added);
  });
});
