import type { License } from "@ninsho/core";
import { newId } from "@ninsho/core";
import type { IssuedLicense, Store } from "@ninsho/store";
import { describe, expect, it } from "vitest";
import { anIssuedLicense, aPolicy, aProduct, at, domainOf, hex, seedLicense } from "./support/builders.js";
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

const ids = (licenses: readonly License[]): string[] => licenses.map((l) => l.id);

describe.each(dialects)("$dialect", ({ dialect, skip }) => {
  describe.skipIf(skip)("licenses", () => {
    const t = useStore(dialect);

    it("round-trips a bare license: optional fields come back absent, not null or undefined", async () => {
      const { issue } = await catalogue(t.store);
      const license = issue();
      await t.store.licenses.insertMany([license]);
      const found = await t.store.licenses.findById(license.id);
      expect(found).toStrictEqual(domainOf(license));
      for (const field of ["statusReason", "ownerEmail", "baseLicenseId", "firstActivatedAt", "expiresAt"]) {
        expect(found).not.toHaveProperty(field);
      }
      // the key stays inside: a domain license carries neither the digest nor the sealed key
      expect(found).not.toHaveProperty("keyDigest");
      expect(found).not.toHaveProperty("sealedKey");
      expect(await t.store.licenses.sealedKey(license.id)).toBe(license.sealedKey);
      expect(await t.store.licenses.sealedKey(newId("license"))).toBeUndefined();
    });

    it("round-trips every optional field, and keeps owner emails in lower case", async () => {
      const { issue } = await catalogue(t.store);
      const base = issue();
      const full = issue({
        status: "suspended",
        statusReason: "chargeback — 返金",
        ownerEmail: "Hanako.Yamada@Example.JP",
        baseLicenseId: base.id,
        firstActivatedAt: at(100),
        expiresAt: at(86_400 * 30),
      });
      await t.store.licenses.insertMany([base, full]);
      expect(await t.store.licenses.findById(full.id)).toStrictEqual({
        ...domainOf(full),
        ownerEmail: "hanako.yamada@example.jp",
      });
    });

    it("finds by key digest; unknown ids and digests are undefined", async () => {
      const { issue } = await catalogue(t.store);
      const a = issue();
      const b = issue();
      await t.store.licenses.insertMany([a, b]);
      expect(await t.store.licenses.findByKeyDigest(a.keyDigest)).toStrictEqual(domainOf(a));
      expect(await t.store.licenses.findByKeyDigest(b.keyDigest)).toStrictEqual(domainOf(b));
      expect(await t.store.licenses.findByKeyDigest(hex(32))).toBeUndefined();
      expect(await t.store.licenses.findById(newId("license"))).toBeUndefined();
    });

    it("updates status, reason, activation, expiry and owner; null clears; an empty patch changes nothing", async () => {
      const { issue } = await catalogue(t.store);
      const license = issue({ ownerEmail: "a@example.com", expiresAt: at(1000) });
      await t.store.licenses.insertMany([license]);

      await t.store.licenses.update(license.id, {
        status: "suspended",
        statusReason: "unpaid",
        firstActivatedAt: at(5),
        expiresAt: at(2000),
        ownerEmail: "New.Owner@Example.com",
      });
      expect(await t.store.licenses.findById(license.id)).toStrictEqual({
        ...domainOf(license),
        status: "suspended",
        statusReason: "unpaid",
        firstActivatedAt: at(5),
        expiresAt: at(2000),
        ownerEmail: "new.owner@example.com",
      });

      await t.store.licenses.update(license.id, {});
      await t.store.licenses.update(license.id, { status: "active", statusReason: null });
      await t.store.licenses.update(license.id, { expiresAt: null, ownerEmail: null });
      const cleared = await t.store.licenses.findById(license.id);
      const { ownerEmail: _owner, expiresAt: _expiry, ...rest } = domainOf(license);
      expect(cleared).toStrictEqual({ ...rest, status: "active", firstActivatedAt: at(5) });
      for (const field of ["statusReason", "expiresAt", "ownerEmail"])
        expect(cleared).not.toHaveProperty(field);

      // updating one license leaves others alone
      const other = issue();
      await t.store.licenses.insertMany([other]);
      await t.store.licenses.update(license.id, { status: "revoked" });
      expect(await t.store.licenses.findById(other.id)).toStrictEqual(domainOf(other));
    });

    it("lists with filters combined by AND: product, policy, status, owner email (any case)", async () => {
      const c1 = await catalogue(t.store);
      const c2 = await catalogue(t.store);
      const policy2 = aPolicy(c1.product.id);
      await t.store.policies.insert(policy2);
      const l1 = c1.issue({ ownerEmail: "Ann@Example.com" });
      const l2 = c1.issue({ status: "revoked", statusReason: "fraud", ownerEmail: "ann@example.com" });
      const l3 = anIssuedLicense(c1.product.id, policy2.id, { ownerEmail: "bob@example.com" });
      const l4 = c2.issue({ ownerEmail: "ann@example.com" });
      await t.store.licenses.insertMany([l1, l2, l3, l4]);

      expect(ids(await t.store.licenses.list({ productId: c1.product.id }))).toEqual([l1.id, l2.id, l3.id]);
      expect(ids(await t.store.licenses.list({ policyId: c1.policy.id }))).toEqual([l1.id, l2.id]);
      expect(ids(await t.store.licenses.list({ policyId: policy2.id }))).toEqual([l3.id]);
      expect(ids(await t.store.licenses.list({ productId: c1.product.id, status: "revoked" }))).toEqual([
        l2.id,
      ]);
      expect(ids(await t.store.licenses.list({ productId: c1.product.id, status: "active" }))).toEqual([
        l1.id,
        l3.id,
      ]);
      expect(
        ids(await t.store.licenses.list({ productId: c1.product.id, ownerEmail: "ANN@example.COM" })),
      ).toEqual([l1.id, l2.id]);
      const anns = ids(await t.store.licenses.list({ ownerEmail: "ann@example.com", limit: 1000 }));
      expect(anns).toEqual(expect.arrayContaining([l1.id, l2.id, l4.id]));
      expect(anns).not.toContain(l3.id);
      expect(await t.store.licenses.list({ productId: c2.product.id, status: "suspended" })).toEqual([]);
      expect(await t.store.licenses.list({ productId: c1.product.id, policyId: c2.policy.id })).toEqual([]);
      // listed licenses are domain licenses, like findById's
      expect(await t.store.licenses.list({ policyId: policy2.id })).toStrictEqual([domainOf(l3)]);
    });

    it("pages by id: limit and after walk every license exactly once, in id order; default limit 100", async () => {
      const { product, issue } = await catalogue(t.store);
      const issued = Array.from({ length: 105 }, () => issue());
      await t.store.licenses.insertMany(issued);
      const expected = issued.map((l) => l.id).sort();

      expect(ids(await t.store.licenses.list({ productId: product.id }))).toEqual(expected.slice(0, 100));

      const seen: string[] = [];
      const sizes: number[] = [];
      let after: string | undefined;
      // bounded, so a store that ignored `after` fails here instead of paging forever
      for (let guard = 0; guard < 10; guard++) {
        const page = await t.store.licenses.list({
          productId: product.id,
          limit: 25,
          ...(after === undefined ? {} : { after }),
        });
        sizes.push(page.length);
        if (page.length === 0) break;
        seen.push(...ids(page));
        after = page[page.length - 1]?.id;
      }
      expect(sizes).toEqual([25, 25, 25, 25, 5, 0]);
      expect(seen).toEqual(expected);
    });

    it("counts licenses as a number", async () => {
      const before = await t.store.licenses.count();
      expect(typeof before).toBe("number");
      const { issue } = await catalogue(t.store);
      await t.store.licenses.insertMany([issue(), issue(), issue()]);
      expect(await t.store.licenses.count()).toBe(before + 3);
    });

    it("issues 5,000 licenses in one transaction, all or nothing", async () => {
      const { product, policy, issue } = await catalogue(t.store);
      const before = await t.store.licenses.count();
      const batch = Array.from({ length: 5_000 }, () => issue({ ownerEmail: "volume@example.com" }));
      await t.store.transaction((tx) => tx.licenses.insertMany(batch));
      expect(await t.store.licenses.count()).toBe(before + 5_000);
      const last = batch[batch.length - 1];
      const first = batch[0];
      if (first === undefined || last === undefined) throw new Error("unreachable");
      expect(await t.store.licenses.findByKeyDigest(first.keyDigest)).toStrictEqual(domainOf(first));
      expect(await t.store.licenses.findByKeyDigest(last.keyDigest)).toStrictEqual(domainOf(last));
      const page = await t.store.licenses.list({ policyId: policy.id, limit: 5_000 });
      expect(page).toHaveLength(5_000);

      // a duplicate digest in the very last chunk undoes the whole batch
      const doomed = Array.from({ length: 5_000 }, () => issue());
      doomed[4_999] = issue({ keyDigest: first.keyDigest });
      await expect(t.store.transaction((tx) => tx.licenses.insertMany(doomed))).rejects.toThrow();
      expect(await t.store.licenses.count()).toBe(before + 5_000);
      expect(await t.store.licenses.findById(doomed[0]?.id ?? "")).toBeUndefined();
      expect(await t.store.licenses.list({ productId: product.id, limit: 10_000 })).toHaveLength(5_000);
    });

    it("inserting an empty batch is a no-op", async () => {
      const before = await t.store.licenses.count();
      await t.store.licenses.insertMany([]);
      expect(await t.store.licenses.count()).toBe(before);
    });

    it("lockById reads the license like findById (and undefined for an unknown id)", async () => {
      const { license } = await seedLicense(t.store, { license: { ownerEmail: "x@example.com" } });
      const locked = await t.store.transaction((tx) => tx.licenses.lockById(license.id));
      expect(locked).toStrictEqual(domainOf(license));
      expect(await t.store.transaction((tx) => tx.licenses.lockById(newId("license")))).toBeUndefined();
    });
  });
});
