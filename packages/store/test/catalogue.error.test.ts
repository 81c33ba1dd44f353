import { newId } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { aPolicy, aProduct, aSigningKey, aToken, hex } from "./support/builders.js";
import { dialects, useStore } from "./support/databases.js";

describe.each(dialects)("$dialect", ({ dialect, skip }) => {
  describe.skipIf(skip)("products and signing keys", () => {
    const t = useStore(dialect);

    it("rejects a second product with the same id", async () => {
      const a = aProduct();
      await t.store.products.insert(a);
      await expect(t.store.products.insert({ ...a, name: "other" })).rejects.toThrow();
      expect(await t.store.products.findById(a.id)).toStrictEqual(a);
    });

    it("refuses a signing key or a policy for a product that does not exist (foreign keys hold on both)", async () => {
      const ghost = newId("product");
      await expect(t.store.products.insertSigningKey(aSigningKey(ghost))).rejects.toThrow();
      await expect(t.store.policies.insert(aPolicy(ghost))).rejects.toThrow();
      expect(await t.store.products.listSigningKeys(ghost)).toEqual([]);
      expect(await t.store.policies.list(ghost)).toEqual([]);
    });
  });

  describe.skipIf(skip)("admin tokens", () => {
    const t = useStore(dialect);

    it("rejects a second token with the same digest", async () => {
      const digest = hex(32);
      const first = aToken();
      await t.store.tokens.insert(first, digest);
      await expect(t.store.tokens.insert(aToken(), digest)).rejects.toThrow();
      expect(await t.store.tokens.findByDigest(digest)).toStrictEqual(first);
    });
  });
});
