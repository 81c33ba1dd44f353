import { newId } from "@ninsho/core";
import type { Store } from "@ninsho/store";
import { describe, expect, it } from "vitest";
import {
  aDevice,
  anEvent,
  anIssuedLicense,
  aPolicy,
  aProduct,
  hex,
  seedLicense,
} from "./support/builders.js";
import { deferred, dialects, sleep, useStore } from "./support/databases.js";

const MAX_DEVICES = 5;

/**
 * One activation as the server decides it: read the license (locked, or not, for the control), count its
 * active devices, and add one if there is room. The pause widens the window in which an unserialised
 * competitor would read the same count.
 */
function activate(store: Store, licenseId: string, lock = true): Promise<boolean> {
  return store.transaction(async (tx) => {
    const license = lock ? await tx.licenses.lockById(licenseId) : await tx.licenses.findById(licenseId);
    if (license === undefined) throw new Error(`license ${licenseId} not found`);
    const active = await tx.devices.listActive(licenseId);
    await sleep(5);
    if (active.length >= MAX_DEVICES) return false;
    await tx.devices.insert(aDevice(licenseId));
    return true;
  });
}

class Planned extends Error {}

describe.each(dialects)("$dialect", ({ dialect, skip }) => {
  describe.skipIf(skip)("transactions and row locks", () => {
    const t = useStore(dialect);

    it("commits everything written in a transaction together, and returns its value", async () => {
      const product = aProduct();
      const policy = aPolicy(product.id);
      const license = anIssuedLicense(product.id, policy.id);
      const device = aDevice(license.id);
      const event = anEvent(license.id);
      const key = `tx.${hex(4)}`;
      const result = await t.store.transaction(async (tx) => {
        await tx.products.insert(product);
        await tx.policies.insert(policy);
        await tx.licenses.insertMany([license]);
        await tx.devices.insert(device);
        await tx.events.append(event);
        await tx.settings.set(key, "v");
        // a transaction reads its own writes
        expect((await tx.devices.listActive(license.id)).map((d) => d.id)).toEqual([device.id]);
        return "done";
      });
      expect(result).toBe("done");
      expect(await t.store.products.findById(product.id)).toStrictEqual(product);
      expect(await t.store.policies.findById(policy.id)).toStrictEqual(policy);
      expect(await t.store.licenses.findByKeyDigest(license.keyDigest)).toBeDefined();
      expect(await t.store.devices.findById(device.id)).toStrictEqual(device);
      expect(await t.store.events.listByLicense(license.id)).toStrictEqual([event]);
      expect(await t.store.settings.get(key)).toBe("v");
    });

    it("rolls everything back when the work throws, and rethrows the same error", async () => {
      const product = aProduct();
      const policy = aPolicy(product.id);
      const license = anIssuedLicense(product.id, policy.id);
      const device = aDevice(license.id);
      const key = `tx.${hex(4)}`;
      const thrown = new Planned("changed my mind");
      const attempt = t.store.transaction(async (tx) => {
        await tx.products.insert(product);
        await tx.policies.insert(policy);
        await tx.licenses.insertMany([license]);
        await tx.devices.insert(device);
        await tx.events.append(anEvent(license.id));
        await tx.settings.set(key, "v");
        throw thrown;
      });
      await expect(attempt).rejects.toBe(thrown);
      expect(await t.store.products.findById(product.id)).toBeUndefined();
      expect(await t.store.policies.findById(policy.id)).toBeUndefined();
      expect(await t.store.licenses.findById(license.id)).toBeUndefined();
      expect(await t.store.devices.findById(device.id)).toBeUndefined();
      expect(await t.store.events.listByLicense(license.id)).toEqual([]);
      expect(await t.store.settings.get(key)).toBeUndefined();
    });

    it("rolls back earlier writes and updates when a later statement fails", async () => {
      const { license } = await seedLicense(t.store);
      const { license: taken } = await seedLicense(t.store);
      const before = await t.store.licenses.count();
      await expect(
        t.store.transaction(async (tx) => {
          await tx.licenses.update(license.id, { status: "revoked", statusReason: "oops" });
          await tx.licenses.insertMany([
            anIssuedLicense(license.productId, license.policyId),
            anIssuedLicense(license.productId, license.policyId, { keyDigest: taken.keyDigest }),
          ]);
        }),
      ).rejects.toThrow();
      expect(await t.store.licenses.findById(license.id)).toMatchObject({ status: "active" });
      expect(await t.store.licenses.findById(license.id)).not.toHaveProperty("statusReason");
      expect(await t.store.licenses.count()).toBe(before);
    });

    it(`20 concurrent activations with lockById leave exactly ${MAX_DEVICES} devices`, async () => {
      const { license } = await seedLicense(t.store, { policy: { maxDevices: MAX_DEVICES } });
      const results = await Promise.all(Array.from({ length: 20 }, () => activate(t.store, license.id)));
      expect(results.filter(Boolean)).toHaveLength(MAX_DEVICES);
      expect(await t.store.devices.listActive(license.id)).toHaveLength(MAX_DEVICES);
    });

    it("lockById holds the row until commit: a second locker waits, then sees the first one's writes", async () => {
      const { license } = await seedLicense(t.store);
      const locked = deferred();
      const release = deferred();
      const first = t.store.transaction(async (tx) => {
        await tx.licenses.lockById(license.id);
        locked.resolve();
        await release.promise;
        await tx.devices.insert(aDevice(license.id));
      });
      await locked.promise;

      let secondGotLock = false;
      const second = t.store.transaction(async (tx) => {
        await tx.licenses.lockById(license.id);
        secondGotLock = true;
        return (await tx.devices.listActive(license.id)).length;
      });
      await sleep(200);
      expect(secondGotLock).toBe(false);
      release.resolve();
      await first;
      expect(await second).toBe(1);
    });

    it("a rolled-back locker releases the lock", async () => {
      const { license } = await seedLicense(t.store);
      await expect(
        t.store.transaction(async (tx) => {
          await tx.licenses.lockById(license.id);
          throw new Planned("abort");
        }),
      ).rejects.toBeInstanceOf(Planned);
      const again = await Promise.race([
        t.store.transaction((tx) => tx.licenses.lockById(license.id)),
        sleep(5_000).then(() => "timed out" as const),
      ]);
      expect(again).toMatchObject({ id: license.id });
    });

    it.runIf(dialect === "postgres")(
      "the lock is per row: plain reads and locks on other licenses go on while one license is locked",
      async () => {
        const { license } = await seedLicense(t.store);
        const { license: other } = await seedLicense(t.store);
        const locked = deferred();
        const release = deferred();
        const holder = t.store.transaction(async (tx) => {
          await tx.licenses.lockById(license.id);
          locked.resolve();
          await release.promise;
        });
        await locked.promise;
        try {
          const within = <T>(work: Promise<T>) =>
            Promise.race([work, sleep(5_000).then(() => "blocked" as const)]);
          expect(await within(t.store.licenses.findById(license.id))).toMatchObject({ id: license.id });
          expect(await within(t.store.transaction((tx) => tx.licenses.lockById(other.id)))).toMatchObject({
            id: other.id,
          });
        } finally {
          release.resolve();
          await holder;
        }
      },
    );

    it.runIf(dialect === "postgres")(
      "uncommitted writes are invisible to another store instance until commit",
      async () => {
        const other = t.open(t.db, { poolSize: 2 });
        const product = aProduct();
        const written = deferred();
        const commit = deferred();
        const tx = t.store.transaction(async (repos) => {
          await repos.products.insert(product);
          written.resolve();
          await commit.promise;
        });
        await written.promise;
        expect(await other.products.findById(product.id)).toBeUndefined();
        commit.resolve();
        await tx;
        expect(await other.products.findById(product.id)).toStrictEqual(product);
      },
    );

    it.runIf(dialect === "postgres")(
      `activations spread over 3 store instances (3 "processes") still leave exactly ${MAX_DEVICES} devices`,
      async () => {
        const stores = [
          t.open(t.db, { poolSize: 4 }),
          t.open(t.db, { poolSize: 4 }),
          t.open(t.db, { poolSize: 4 }),
        ];
        for (let round = 0; round < 3; round++) {
          const { license } = await seedLicense(t.store, { policy: { maxDevices: MAX_DEVICES } });
          const results = await Promise.all(
            Array.from({ length: 21 }, (_, i) => {
              const store = stores[i % stores.length];
              if (store === undefined) throw new Error("unreachable");
              return activate(store, license.id);
            }),
          );
          expect(results.filter(Boolean)).toHaveLength(MAX_DEVICES);
          expect(await t.store.devices.listActive(license.id)).toHaveLength(MAX_DEVICES);
        }
      },
    );

    it.runIf(dialect === "postgres")(
      "control: without lockById, transactions that all count before any inserts oversubscribe",
      async () => {
        const { license } = await seedLicense(t.store, { policy: { maxDevices: MAX_DEVICES } });
        const racers = 10; // no more than the pool, so all are open at once
        let counted = 0;
        const allCounted = deferred();
        await Promise.all(
          Array.from({ length: racers }, () =>
            t.store.transaction(async (tx) => {
              await tx.licenses.findById(license.id);
              const active = await tx.devices.listActive(license.id);
              if (++counted === racers) allCounted.resolve();
              await allCounted.promise;
              if (active.length < MAX_DEVICES) await tx.devices.insert(aDevice(license.id));
            }),
          ),
        );
        expect(await t.store.devices.listActive(license.id)).toHaveLength(racers);
      },
    );

    it("lockById of an unknown license is undefined and locks nothing", async () => {
      expect(await t.store.transaction((tx) => tx.licenses.lockById(newId("license")))).toBeUndefined();
    });
  });
});
