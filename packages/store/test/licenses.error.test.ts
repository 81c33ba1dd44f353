import { newId } from "@ninsho/core";
import type { IssuedLicense, Store } from "@ninsho/store";
import { describe, expect, it } from "vitest";
import { anIssuedLicense, aPolicy, aProduct, domainOf, hex } from "./support/builders.js";
import { dialects, useStore } from "./support/databases.js";

/** A product with one policy, ready for licenses. */
async function catalogue(store: Store) {
  const product = aProduct();
  const policy = aPolicy(product.id);
  await store.products.insert(product);
  await store.policies.insert(policy);
  const issue = (overrides: Partial<IssuedLicense> = {}) => anIssuedLicense(product.id, policy.id, overrides);
  return { product, policy, issue };
}

describe.each(dialects)("$dialect", ({ dialect, skip }) => {
  describe.skipIf(skip)("licenses", () => {
    const t = useStore(dialect);

    it("rejects a duplicate key digest, alone or inside a batch, and keeps the first license", async () => {
      const { issue } = await catalogue(t.store);
      const first = issue();
      await t.store.licenses.insertMany([first]);
      await expect(t.store.licenses.insertMany([issue({ keyDigest: first.keyDigest })])).rejects.toThrow();

      const fresh = issue();
      await expect(
        t.store.transaction((tx) =>
          tx.licenses.insertMany([
            fresh,
            issue({ keyDigest: hex(32) }),
            issue({ keyDigest: fresh.keyDigest }),
          ]),
        ),
      ).rejects.toThrow();
      expect(await t.store.licenses.findById(fresh.id)).toBeUndefined();
      expect(await t.store.licenses.findByKeyDigest(first.keyDigest)).toStrictEqual(domainOf(first));
      expect(await t.store.licenses.findByKeyDigest(fresh.keyDigest)).toBeUndefined();
    });

    it("refuses a license under a policy or product that does not exist", async () => {
      const { product, policy } = await catalogue(t.store);
      await expect(
        t.store.licenses.insertMany([anIssuedLicense(product.id, newId("policy"))]),
      ).rejects.toThrow();
      await expect(
        t.store.licenses.insertMany([anIssuedLicense(newId("product"), policy.id)]),
      ).rejects.toThrow();
    });
  });
});
