/** Device codes on both dialects: approved once and handed out once, however many race for them. */
import { newId } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { anIssuedLicense, aPolicy, aProduct, at } from "./support/builders.js";
import { dialects, useStore } from "./support/databases.js";

describe.each(dialects)("$dialect", ({ dialect, skip }) => {
  describe.skipIf(skip)("device codes", () => {
    const t = useStore(dialect);

    it("a pending code is approved by one of many racing approvals, handed out once, and never past its expiry", async () => {
      const product = aProduct();
      const policy = aPolicy(product.id);
      await t.store.products.insert(product);
      await t.store.policies.insert(policy);
      const license = anIssuedLicense(product.id, policy.id);
      await t.store.licenses.insertMany([license]);
      const accountId = newId("account");
      await t.store.accounts.insertIfAbsent({
        id: accountId,
        email: "aiko@example.jp",
        language: "en",
        createdAt: at(0),
        passwordChangedAt: at(0),
        passwordHash: "$scrypt$ln=10,r=8,p=1$c2FsdA$a2V5",
      });
      const codes = t.store.deviceCodes;
      const base = {
        productId: product.id,
        status: "pending" as const,
        createdAt: at(0),
        expiresAt: at(600),
      };
      await codes.insert({ digest: "d1", userCode: "BCDF-GHJK", ...base });
      await codes.insert({ digest: "d2", userCode: "BCDF-GHJL", ...base });
      expect(await codes.findByUserCode("BCDF-GHJK")).toEqual({
        digest: "d1",
        userCode: "BCDF-GHJK",
        ...base,
      });
      const other = t.open(t.db, { poolSize: 4 });
      const approvals = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? other : t.store).deviceCodes.approve("d1", accountId, license.id, at(1)),
        ),
      );
      expect(approvals.filter(Boolean)).toHaveLength(1);
      expect(await codes.findByDigest("d1")).toMatchObject({
        status: "approved",
        accountId,
        licenseId: license.id,
      });
      const handed = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? other : t.store).deviceCodes.markUsed("d1")),
      );
      expect(handed.filter(Boolean)).toHaveLength(1);
      expect(await codes.approve("d2", accountId, license.id, at(600))).toBe(false);
      await expect(codes.insert({ digest: "d3", userCode: "BCDF-GHJK", ...base })).rejects.toThrow();
    });
  });
});
