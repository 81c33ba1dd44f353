/**
 * The seat repository on both dialects: a seat round-trips, "held" is read from its instants, renewals and
 * returns, usage spans; and concurrent check-outs that lock the license never exceed the pool, from one store
 * and (PostgreSQL) from three store instances standing in for three server processes.
 */
import { newId, type Seat } from "@ninsho/core";
import type { Store } from "@ninsho/store";
import { describe, expect, it } from "vitest";
import { at, hex, seedLicense } from "./support/builders.js";
import { dialects, useStore } from "./support/databases.js";

const aSeat = (licenseId: string, overrides: Partial<Seat> = {}): Seat => ({
  id: newId("seat"),
  licenseId,
  kind: "floating",
  holder: `fp:${hex(8)}`,
  name: "CAD-1",
  platform: "linux",
  secretDigest: hex(32),
  overage: false,
  checkedOutAt: at(0),
  heartbeatAt: at(0),
  expiresAt: at(60),
  ...overrides,
});

const POOL = 20;

/** A check-out as the server decides it: lock the license, count held seats, take one if there is room. */
function checkOut(store: Store, licenseId: string, now: string): Promise<boolean> {
  return store.transaction(async (tx) => {
    await tx.licenses.lockById(licenseId);
    if ((await tx.seats.countHeld(licenseId, now)) >= POOL) return false;
    await tx.seats.insert(aSeat(licenseId, { checkedOutAt: now, heartbeatAt: now }));
    return true;
  });
}

describe.each(dialects)("$dialect", ({ dialect, skip }) => {
  describe.skipIf(skip)("seats", () => {
    const t = useStore(dialect);

    it("round-trips a seat, optional fields absent or present", async () => {
      const { license } = await seedLicense(t.store);
      const plain = aSeat(license.id);
      const full = aSeat(license.id, { kind: "borrowed", overage: true, endsBy: at(90), returnedAt: at(30) });
      await t.store.seats.insert(plain);
      await t.store.seats.insert(full);
      expect(await t.store.seats.findById(plain.id)).toStrictEqual(plain);
      expect(await t.store.seats.findById(full.id)).toStrictEqual(full);
    });

    it("prunes a license's seats that ended before an instant, and only those", async () => {
      const { license } = await seedLicense(t.store);
      const other = await seedLicense(t.store);
      const old = aSeat(license.id, { expiresAt: at(60) });
      const returnedOld = aSeat(license.id, { expiresAt: at(90), returnedAt: at(30) });
      const live = aSeat(license.id, { expiresAt: at(600) });
      const elsewhere = aSeat(other.license.id, { expiresAt: at(60) });
      for (const seat of [old, returnedOld, live, elsewhere]) await t.store.seats.insert(seat);
      expect(await t.store.seats.pruneEnded(license.id, at(100))).toBe(2);
      expect(await t.store.seats.findById(old.id)).toBeUndefined();
      expect(await t.store.seats.findById(returnedOld.id)).toBeUndefined();
      expect(await t.store.seats.findById(live.id)).toStrictEqual(live);
      expect(await t.store.seats.findById(elsewhere.id)).toStrictEqual(elsewhere);
    });

    it("held means not returned and expiring after now; renewals move it, a return is kept once", async () => {
      const { license } = await seedLicense(t.store);
      const a = aSeat(license.id, { expiresAt: at(60) });
      const b = aSeat(license.id, { expiresAt: at(120) });
      await t.store.seats.insert(a);
      await t.store.seats.insert(b);
      expect((await t.store.seats.listHeld(license.id, at(59))).map((s) => s.id)).toEqual([a.id, b.id]);
      expect((await t.store.seats.listHeld(license.id, at(60))).map((s) => s.id)).toEqual([b.id]);
      await t.store.seats.renew(a.id, { heartbeatAt: at(50), expiresAt: at(110), secretDigest: "ff" });
      expect(await t.store.seats.findById(a.id)).toMatchObject({
        heartbeatAt: at(50),
        expiresAt: at(110),
        secretDigest: "ff",
      });
      expect(await t.store.seats.countHeld(license.id, at(59))).toBe(2);
      expect(await t.store.seats.countHeld(license.id, at(110))).toBe(1);
      expect(await t.store.seats.findHeldBy(license.id, b.holder, at(110))).toStrictEqual(b);
      expect(await t.store.seats.findHeldBy(license.id, a.holder, at(110))).toBeUndefined();
      await t.store.seats.markReturned(b.id, at(70));
      await t.store.seats.markReturned(b.id, at(80));
      expect((await t.store.seats.findById(b.id))?.returnedAt).toBe(at(70));
      expect((await t.store.seats.listHeld(license.id, at(75))).map((s) => s.id)).toEqual([a.id]);
      expect((await t.store.seats.listOverlapping(license.id, at(100), at(200))).map((s) => s.id)).toEqual([
        a.id,
        b.id,
      ]);
      expect(await t.store.seats.listOverlapping(license.id, at(300), at(400))).toEqual([]);
    });

    it(`40 concurrent check-outs of a ${POOL}-seat pool with the license locked take exactly ${POOL}`, async () => {
      const { license } = await seedLicense(t.store);
      const results = await Promise.all(
        Array.from({ length: 40 }, () => checkOut(t.store, license.id, at(0))),
      );
      expect(results.filter(Boolean)).toHaveLength(POOL);
      expect(await t.store.seats.listHeld(license.id, at(0))).toHaveLength(POOL);
    });

    it.runIf(dialect === "postgres")(
      `check-outs spread over 3 store instances ("processes") still take exactly ${POOL} seats`,
      async () => {
        const stores = [0, 1, 2].map(() => t.open(t.db, { poolSize: 6 }));
        for (let round = 0; round < 3; round++) {
          const { license } = await seedLicense(t.store);
          const results = await Promise.all(
            Array.from({ length: 40 }, (_, i) => {
              const store = stores[i % stores.length];
              if (!store) throw new Error("unreachable");
              return checkOut(store, license.id, at(round));
            }),
          );
          expect(results.filter(Boolean)).toHaveLength(POOL);
          expect(await t.store.seats.listHeld(license.id, at(round))).toHaveLength(POOL);
        }
      },
    );
  });
});
