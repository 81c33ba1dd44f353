import { newId } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { anIssuedLicense, seedLicense } from "./support/builders.js";
import { dialects, useStore } from "./support/databases.js";

/** Short ids wider than 32 bits: the column must be a bigint on PostgreSQL, and come back as a number. */
const WIDE = 2 ** 40;
let nextShortId = WIDE + Math.floor(Math.random() * 1_000_000) * 10_000;
const shortId = (): number => nextShortId++;

describe.each(dialects)("$dialect", ({ dialect, skip }) => {
  describe.skipIf(skip)("offline repository", () => {
    const t = useStore(dialect);

    it("refuses a short id twice, a second short id for a license, and one for an unknown license", async () => {
      const { license, product, policy } = await seedLicense(t.store);
      const other = anIssuedLicense(product.id, policy.id);
      await t.store.licenses.insertMany([other]);
      const id = shortId();
      await t.store.offline.insertShortIds([{ licenseId: license.id, shortId: id }]);
      await expect(t.store.offline.insertShortIds([{ licenseId: other.id, shortId: id }])).rejects.toThrow();
      await expect(
        t.store.offline.insertShortIds([{ licenseId: license.id, shortId: shortId() }]),
      ).rejects.toThrow();
      await expect(
        t.store.offline.insertShortIds([{ licenseId: newId("license"), shortId: shortId() }]),
      ).rejects.toThrow();
      expect(await t.store.offline.shortIdOf(other.id)).toBeUndefined();
    });
  });
});
