import { newId } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { aPolicy, aProduct, aSigningKey, aToken, at, hex } from "./support/builders.js";
import { dialects, useStore } from "./support/databases.js";

describe.each(dialects)("$dialect", ({ dialect, skip }) => {
  describe.skipIf(skip)("products and signing keys", () => {
    const t = useStore(dialect);

    it("inserts, finds and lists products in id order", async () => {
      const a = aProduct({ name: "Ninsho Pro" });
      const b = aProduct({ name: "認証 Studio" });
      await t.store.products.insert(a);
      await t.store.products.insert(b);
      expect(await t.store.products.findById(a.id)).toStrictEqual(a);
      expect(await t.store.products.findById(b.id)).toStrictEqual(b);
      expect(await t.store.products.findById(newId("product"))).toBeUndefined();
      const listed = await t.store.products.list();
      expect(listed.filter((p) => p.id === a.id || p.id === b.id)).toStrictEqual([a, b]);
      expect(listed.map((p) => p.id)).toEqual(listed.map((p) => p.id).sort());
    });

    it("keeps signing keys per product: JWK round-trips as JSON, retiredAt absent until retired", async () => {
      const product = aProduct();
      const other = aProduct();
      await t.store.products.insert(product);
      await t.store.products.insert(other);
      const k1 = aSigningKey(product.id, { createdAt: at(1) });
      const k2 = aSigningKey(product.id, { createdAt: at(2), retiredAt: at(3) });
      const k3 = aSigningKey(other.id);
      for (const key of [k1, k2, k3]) await t.store.products.insertSigningKey(key);

      const mine = await t.store.products.listSigningKeys(product.id);
      expect(mine).toStrictEqual([k1, k2]);
      expect(mine[0]).not.toHaveProperty("retiredAt");
      expect(mine[0]?.publicJwk).toStrictEqual(k1.publicJwk);

      const all = await t.store.products.listSigningKeys();
      expect(all).toEqual(expect.arrayContaining([k1, k2, k3]));
      expect(all.map((k) => k.kid)).toEqual(all.map((k) => k.kid).sort());

      await t.store.products.retireSigningKey(k1.kid, at(100));
      expect(await t.store.products.listSigningKeys(product.id)).toStrictEqual([
        { ...k1, retiredAt: at(100) },
        k2,
      ]);
      expect(await t.store.products.listSigningKeys(other.id)).toStrictEqual([k3]);
    });
  });

  describe.skipIf(skip)("policies", () => {
    const t = useStore(dialect);

    it("round-trips every field with JS types: numbers, a fractional threshold, booleans, JSON", async () => {
      const product = aProduct();
      await t.store.products.insert(product);
      const policy = aPolicy(product.id, {
        channel: "volume",
        maxDevices: 250,
        leaseSeconds: 30 * 86_400,
        graceSeconds: 0,
        matchThreshold: 0.55,
        componentWeights: { board: 4, "os-install": 2.5, mac: 0.25, 日本: 1 },
        transferable: false,
        transfersPerYear: 0,
        entitlements: ["pro", "export:pdf", "プロ"],
      });
      await t.store.policies.insert(policy);
      const found = await t.store.policies.findById(policy.id);
      expect(found).toStrictEqual(policy);
      expect(typeof found?.maxDevices).toBe("number");
      expect(typeof found?.matchThreshold).toBe("number");
      expect(found?.transferable).toBe(false);
      expect(found).not.toHaveProperty("basePolicyId");

      const transferable = aPolicy(product.id, { transferable: true });
      await t.store.policies.insert(transferable);
      expect((await t.store.policies.findById(transferable.id))?.transferable).toBe(true);
    });

    it("round-trips each expiry rule, and an upgrade policy's base", async () => {
      const product = aProduct();
      await t.store.products.insert(product);
      const none = aPolicy(product.id, { expiry: { kind: "none" } });
      const fixed = aPolicy(product.id, { expiry: { kind: "fixed", at: at(86_400 * 365) } });
      const duration = aPolicy(product.id, {
        channel: "subscription",
        expiry: { kind: "duration", seconds: 31_536_000 },
      });
      const upgrade = aPolicy(product.id, { channel: "upgrade", basePolicyId: none.id });
      for (const p of [none, fixed, duration, upgrade]) await t.store.policies.insert(p);
      for (const p of [none, fixed, duration, upgrade]) {
        expect(await t.store.policies.findById(p.id)).toStrictEqual(p);
      }
      expect(await t.store.policies.list(product.id)).toStrictEqual([none, fixed, duration, upgrade]);
    });

    it("lists by product, or all in id order; unknown ids are undefined", async () => {
      const p1 = aProduct();
      const p2 = aProduct();
      await t.store.products.insert(p1);
      await t.store.products.insert(p2);
      const a = aPolicy(p1.id);
      const b = aPolicy(p2.id);
      const c = aPolicy(p1.id);
      for (const p of [a, b, c]) await t.store.policies.insert(p);
      expect(await t.store.policies.list(p1.id)).toStrictEqual([a, c]);
      expect(await t.store.policies.list(p2.id)).toStrictEqual([b]);
      const all = await t.store.policies.list();
      expect(all).toEqual(expect.arrayContaining([a, b, c]));
      expect(all.map((p) => p.id)).toEqual(all.map((p) => p.id).sort());
      expect(await t.store.policies.findById(newId("policy"))).toBeUndefined();
    });
  });

  describe.skipIf(skip)("admin tokens", () => {
    const t = useStore(dialect);

    it("stores a token by digest; lastUsedAt and revokedAt are absent until set", async () => {
      const token = aToken({ role: "support", name: "helpdesk 受付" });
      const digest = hex(32);
      await t.store.tokens.insert(token, digest);
      expect(await t.store.tokens.findByDigest(digest)).toStrictEqual(token);
      expect(await t.store.tokens.findById(token.id)).toStrictEqual(token);
      expect(await t.store.tokens.findByDigest(hex(32))).toBeUndefined();
      expect(await t.store.tokens.findById(newId("token"))).toBeUndefined();

      await t.store.tokens.touch(token.id, at(50));
      expect(await t.store.tokens.findById(token.id)).toStrictEqual({ ...token, lastUsedAt: at(50) });
      await t.store.tokens.touch(token.id, at(60));
      await t.store.tokens.revoke(token.id, at(70));
      expect(await t.store.tokens.findByDigest(digest)).toStrictEqual({
        ...token,
        lastUsedAt: at(60),
        revokedAt: at(70),
      });
    });

    it("lists tokens in id order, revoked ones included", async () => {
      const tokens = [aToken({ role: "admin" }), aToken({ role: "readonly" }), aToken({ role: "support" })];
      for (const token of tokens) await t.store.tokens.insert(token, hex(32));
      const [, second] = tokens;
      if (second === undefined) throw new Error("unreachable");
      await t.store.tokens.revoke(second.id, at(5));
      const listed = await t.store.tokens.list();
      const mine = listed.filter((x) => tokens.some((y) => y.id === x.id));
      expect(mine).toStrictEqual([tokens[0], { ...second, revokedAt: at(5) }, tokens[2]]);
      expect(listed.map((x) => x.id)).toEqual(listed.map((x) => x.id).sort());
    });
  });

  describe.skipIf(skip)("settings", () => {
    const t = useStore(dialect);

    it("get is undefined until set; set overwrites; setIfAbsent only writes the first time", async () => {
      const key = `k.${hex(4)}`;
      expect(await t.store.settings.get(key)).toBeUndefined();
      expect(await t.store.settings.setIfAbsent(key, "first")).toBe(true);
      expect(await t.store.settings.setIfAbsent(key, "second")).toBe(false);
      expect(await t.store.settings.get(key)).toBe("first");
      await t.store.settings.set(key, "third");
      expect(await t.store.settings.get(key)).toBe("third");
      expect(await t.store.settings.setIfAbsent(key, "fourth")).toBe(false);
      expect(await t.store.settings.get(key)).toBe("third");

      const other = `k.${hex(4)}`;
      await t.store.settings.set(other, "");
      expect(await t.store.settings.get(other)).toBe("");
      expect(await t.store.settings.setIfAbsent(other, "x")).toBe(false);
    });

    it("setIfAbsent has exactly one winner when many callers race, from several store instances", async () => {
      const key = `race.${hex(4)}`;
      const stores = [t.store, t.open(t.db), t.open(t.db)];
      const attempts = Array.from({ length: 30 }, (_, i) => ({
        store: stores[i % stores.length],
        value: `v${i}`,
      }));
      const results = await Promise.all(
        attempts.map(({ store, value }) => {
          if (store === undefined) throw new Error("unreachable");
          return store.settings.setIfAbsent(key, value);
        }),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = attempts[results.indexOf(true)];
      expect(await t.store.settings.get(key)).toBe(winner?.value);
    });
  });
});
