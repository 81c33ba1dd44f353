import { newId } from "@ninsho/core";
import type { OfflineActivationRecord, OfflineKeyRecord } from "@ninsho/store";
import { describe, expect, it } from "vitest";
import { anIssuedLicense, aProduct, at, domainOf, hex, seedLicense } from "./support/builders.js";
import { dialects, useStore } from "./support/databases.js";

const anOfflineKey = (productId: string, productNumber: number): OfflineKeyRecord => ({
  productId,
  productNumber,
  publicKey: hex(48),
  sealedSecretKey: `sealed.${hex(32)}`,
  createdAt: at(0),
});

/** Short ids wider than 32 bits: the column must be a bigint on PostgreSQL, and come back as a number. */
const WIDE = 2 ** 40;
let nextShortId = WIDE + Math.floor(Math.random() * 1_000_000) * 10_000;
const shortId = (): number => nextShortId++;

describe.each(dialects)("$dialect", ({ dialect, skip }) => {
  describe.skipIf(skip)("offline repository", () => {
    const t = useStore(dialect);

    it("maps short ids to licenses both ways, as numbers", async () => {
      const { license } = await seedLicense(t.store, { license: { ownerEmail: "o@example.com" } });
      const id = shortId();
      await t.store.offline.insertShortIds([{ licenseId: license.id, shortId: id }]);
      expect(await t.store.offline.shortIdOf(license.id)).toBe(id);
      expect(await t.store.offline.findLicenseByShortId(id)).toStrictEqual(domainOf(license));
      expect(await t.store.offline.shortIdOf(newId("license"))).toBeUndefined();
      expect(await t.store.offline.findLicenseByShortId(shortId())).toBeUndefined();
    });

    it("tells which of many short ids are taken (more than one chunk)", async () => {
      const { product, policy } = await seedLicense(t.store);
      const licenses = Array.from({ length: 600 }, () => anIssuedLicense(product.id, policy.id));
      await t.store.transaction((tx) => tx.licenses.insertMany(licenses));
      const rows = licenses.map((l) => ({ licenseId: l.id, shortId: shortId() }));
      await t.store.transaction((tx) => tx.offline.insertShortIds(rows));
      const free = Array.from({ length: 600 }, () => shortId());
      const asked = [...free, ...rows.map((r) => r.shortId)].sort(() => Math.random() - 0.5);
      const taken = await t.store.offline.takenShortIds(asked);
      expect([...taken].sort()).toEqual(rows.map((r) => r.shortId).sort());
      expect(await t.store.offline.takenShortIds([])).toEqual(new Set());
    });

    it("lists licenses without a short id, oldest first, up to a limit", async () => {
      const db = await t.create();
      const store = t.open(db);
      await store.migrate();
      const { license, product, policy } = await seedLicense(store);
      const more = Array.from({ length: 4 }, () => anIssuedLicense(product.id, policy.id));
      await store.licenses.insertMany(more);
      const sealed = new Map([license, ...more].map((l) => [l.id, l.sealedKey]));
      const all = [...sealed.keys()].sort();
      const [withShortId] = all;
      if (withShortId === undefined) throw new Error("unreachable");
      await store.offline.insertShortIds([{ licenseId: withShortId, shortId: shortId() }]);

      const missing = await store.offline.licensesWithoutShortId(10);
      expect(missing).toStrictEqual(all.slice(1).map((id) => ({ id, sealedKey: sealed.get(id) })));
      expect((await store.offline.licensesWithoutShortId(2)).map((m) => m.id)).toEqual(all.slice(1, 3));
    });

    it("stores one offline key per product and per number; finds it by either", async () => {
      const product = aProduct();
      const rival = aProduct();
      await t.store.products.insert(product);
      await t.store.products.insert(rival);
      const number = 1 + Math.floor(Math.random() * 60_000);
      const key = anOfflineKey(product.id, number);
      expect(await t.store.offline.insertKeyIfAbsent(key)).toBe(true);
      expect(await t.store.offline.insertKeyIfAbsent(anOfflineKey(product.id, number + 1))).toBe(false);
      expect(await t.store.offline.insertKeyIfAbsent(anOfflineKey(rival.id, number))).toBe(false);
      expect(await t.store.offline.findKey(product.id)).toStrictEqual(key);
      expect(await t.store.offline.findKeyByNumber(number)).toStrictEqual(key);
      expect(await t.store.offline.findKey(rival.id)).toBeUndefined();
      expect(await t.store.offline.findKeyByNumber(number + 1)).toBeUndefined();
    });

    it("keeps the answer to each offline request: JSON round-trips, a second answer is refused", async () => {
      const { license } = await seedLicense(t.store);
      const record: OfflineActivationRecord = {
        requestId: `iid:${hex(20)}`,
        licenseId: license.id,
        deviceId: newId("device"),
        method: "phone",
        answer: {
          confirmationId: "123456-234567-345678",
          terms: { leaseSeconds: 604_800, entitlements: ["pro"] },
        },
        createdAt: at(9),
      };
      await t.store.offline.insertActivation(record);
      expect(await t.store.offline.findActivation(record.requestId)).toStrictEqual(record);
      await expect(
        t.store.offline.insertActivation({ ...record, answer: { other: true } }),
      ).rejects.toThrow();
      expect(await t.store.offline.findActivation(record.requestId)).toStrictEqual(record);

      const file: OfflineActivationRecord = { ...record, requestId: `file:${hex(32)}`, method: "file" };
      await t.store.offline.insertActivation(file);
      expect(await t.store.offline.findActivation(file.requestId)).toStrictEqual(file);
      expect(await t.store.offline.findActivation(`iid:${hex(20)}`)).toBeUndefined();
    });
  });
});
