/**
 * What the channel rules keep, on both databases: a license's channel state (binding, repair, consumed base,
 * entitlement changes, past due) and policy channel fields round-trip and clear; trial marks stay with the
 * license that left them first.
 */
import type { Store } from "@ninsho/store";
import { describe, expect, it } from "vitest";
import { anIssuedLicense, aPolicy, aProduct, at } from "./support/builders.js";
import { dialects, useStore } from "./support/databases.js";

async function twoLicenses(store: Store) {
  const product = aProduct();
  const policy = aPolicy(product.id, { channel: "bundle", bundleComponent: "gpu" });
  await store.products.insert(product);
  await store.policies.insert(policy);
  const a = anIssuedLicense(product.id, policy.id);
  const b = anIssuedLicense(product.id, policy.id);
  await store.licenses.insertMany([a, b]);
  return { product, policy, a, b };
}

describe.each(dialects)("$dialect", ({ dialect, skip }) => {
  describe.skipIf(skip)("channels", () => {
    const t = useStore(dialect);

    it("keeps a policy's channel fields, and a license's channel state until cleared", async () => {
      const { policy, a, b } = await twoLicenses(t.store);
      expect(await t.store.policies.findById(policy.id)).toMatchObject({ bundleComponent: "gpu" });
      const state = {
        boundComponent: { kind: "gpu", digests: ["k1.0.aa"] },
        warrantyRepair: { at: at(5), actor: "token:tok_1", reason: "RMA 4411 — 保証修理" },
        entitlementChanges: { add: ["export"], remove: ["beta"] },
        pastDueSince: at(10),
        consumedBy: b.id,
        baseLicenseId: b.id,
      };
      await t.store.licenses.update(a.id, state);
      expect(await t.store.licenses.findById(a.id)).toMatchObject(state);
      const cleared = {
        boundComponent: null,
        warrantyRepair: null,
        entitlementChanges: null,
        pastDueSince: null,
        consumedBy: null,
      };
      await t.store.licenses.update(a.id, cleared);
      const after = await t.store.licenses.findById(a.id);
      for (const field of Object.keys(cleared)) expect(after).not.toHaveProperty(field);
      expect(after?.baseLicenseId).toBe(b.id);
    });

    it("a trial mark stays with the license that left it first; lookups name who holds a machine's marks", async () => {
      const { product, a, b } = await twoLicenses(t.store);
      await t.store.trialMarks.record(product.id, ["t1.board", "t1.disk"], a.id, at(1));
      await t.store.trialMarks.record(product.id, ["t1.disk", "t1.other"], b.id, at(2));
      expect(await t.store.trialMarks.takenBy(product.id, ["t1.disk"])).toEqual([a.id]);
      expect((await t.store.trialMarks.takenBy(product.id, ["t1.board", "t1.other"])).sort()).toEqual(
        [a.id, b.id].sort(),
      );
      expect(await t.store.trialMarks.takenBy(product.id, [])).toEqual([]);
      expect(await t.store.trialMarks.takenBy("prd_other", ["t1.board"])).toEqual([]);
    });
  });
});
