/**
 * Accounts, their one-time tokens and sessions, license links and the outbox on both dialects: one account per
 * email, a token used once however many race for it, a TOTP step recorded only forwards, one account per license.
 */
import { newId } from "@ninsho/core";
import type { AccountRecord, Store } from "@ninsho/store";
import { describe, expect, it } from "vitest";
import { anIssuedLicense, aPolicy, aProduct, at, hex } from "./support/builders.js";
import { dialects, useStore } from "./support/databases.js";

const anAccount = (overrides: Partial<AccountRecord> = {}): AccountRecord => ({
  id: newId("account"),
  email: `${hex(4)}@example.jp`,
  language: "en",
  createdAt: at(0),
  passwordChangedAt: at(0),
  passwordHash: "$scrypt$ln=10,r=8,p=1$c2FsdA$a2V5",
  ...overrides,
});

async function aLicense(store: Store): Promise<string> {
  const product = aProduct();
  const policy = aPolicy(product.id);
  await store.products.insert(product);
  await store.policies.insert(policy);
  const license = anIssuedLicense(product.id, policy.id);
  await store.licenses.insertMany([license]);
  return license.id;
}

describe.each(dialects)("$dialect", ({ dialect, skip }) => {
  describe.skipIf(skip)("accounts", () => {
    const t = useStore(dialect);

    describe("happy", () => {
      it("round-trips an account: optional fields absent until set, cleared with null", async () => {
        const account = anAccount({ language: "ja" });
        expect(await t.store.accounts.insertIfAbsent(account)).toBe(true);
        const found = await t.store.accounts.findByEmail(account.email);
        expect(found).toStrictEqual(account);
        await t.store.accounts.update(account.id, {
          emailVerifiedAt: at(10),
          totpSecretSealed: "sealed",
          totpEnabledAt: at(11),
        });
        expect(await t.store.accounts.useTotpStep(account.id, 100)).toBe(true);
        expect(await t.store.accounts.findById(account.id)).toMatchObject({
          emailVerifiedAt: at(10),
          totpSecretSealed: "sealed",
          totpEnabledAt: at(11),
          totpLastStep: 100,
        });
        await t.store.accounts.update(account.id, { totpSecretSealed: null, totpEnabledAt: null });
        const off = await t.store.accounts.findById(account.id);
        expect(off).not.toHaveProperty("totpSecretSealed");
        expect(off).not.toHaveProperty("totpEnabledAt");
        expect(off).not.toHaveProperty("totpLastStep");
      });

      it("keeps sessions and tokens by digest; counts the usable ones; ends an account's sessions", async () => {
        const account = anAccount();
        await t.store.accounts.insertIfAbsent(account);
        const tokens = t.store.accountTokens;
        await tokens.insertSession({
          digest: "s1",
          accountId: account.id,
          createdAt: at(0),
          expiresAt: at(100),
        });
        await tokens.insertSession({
          digest: "s2",
          accountId: account.id,
          createdAt: at(0),
          expiresAt: at(100),
        });
        expect(await tokens.findSession("s1")).toEqual({
          digest: "s1",
          accountId: account.id,
          createdAt: at(0),
          expiresAt: at(100),
        });
        for (const digest of ["r1", "r2", "r3"])
          await tokens.insert({ digest, accountId: account.id, purpose: "recovery", createdAt: at(0) });
        expect(await tokens.use("r1", "recovery", at(5))).toBe(account.id);
        expect(await tokens.countUsable(account.id, "recovery", at(5))).toBe(2);
        await tokens.voidAll(account.id, "recovery", at(6));
        expect(await tokens.countUsable(account.id, "recovery", at(6))).toBe(0);
        await tokens.deleteSessionsOf(account.id);
        expect(await tokens.findSession("s2")).toBeUndefined();
      });

      it("keeps the outbox newest first", async () => {
        for (const n of [1, 2]) {
          await t.store.outbox.insert({
            id: newId("mail"),
            to: "aiko@example.jp",
            template: "verify",
            language: "ja",
            sealedMessage: `sealed ${n}`,
            createdAt: at(n),
          });
        }
        const [newest, older] = await t.store.outbox.list(2);
        expect(newest?.sealedMessage).toBe("sealed 2");
        expect(older?.sealedMessage).toBe("sealed 1");
        expect(await t.store.outbox.findById(newest?.id ?? "")).toEqual(newest);
      });
    });

    describe("error", () => {
      it("one account per email: a second insert is refused, the first stands", async () => {
        const first = anAccount();
        expect(await t.store.accounts.insertIfAbsent(first)).toBe(true);
        expect(await t.store.accounts.insertIfAbsent(anAccount({ email: first.email }))).toBe(false);
        expect((await t.store.accounts.findByEmail(first.email))?.id).toBe(first.id);
      });

      it("an expired or used token is not used again; the wrong purpose finds nothing", async () => {
        const account = anAccount();
        await t.store.accounts.insertIfAbsent(account);
        const tokens = t.store.accountTokens;
        await tokens.insert({
          digest: "v1",
          accountId: account.id,
          purpose: "verify",
          createdAt: at(0),
          expiresAt: at(10),
        });
        expect(await tokens.use("v1", "reset", at(1))).toBeUndefined();
        expect(await tokens.use("v1", "verify", at(10))).toBeUndefined();
        expect(await tokens.find("v1", "verify")).not.toHaveProperty("usedAt");
        expect(await tokens.use("v1", "verify", at(9))).toBe(account.id);
        expect(await tokens.use("v1", "verify", at(9))).toBeUndefined();
        expect(await tokens.find("v1", "verify")).toMatchObject({ usedAt: at(9) });
      });
    });

    describe("security", () => {
      it("a token raced by 20 uses from two processes is used exactly once", async () => {
        const account = anAccount();
        await t.store.accounts.insertIfAbsent(account);
        await t.store.accountTokens.insert({
          digest: "race",
          accountId: account.id,
          purpose: "reset",
          createdAt: at(0),
          expiresAt: at(100),
        });
        const other = t.open(t.db, { poolSize: 4 });
        const uses = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            (i % 2 ? other : t.store).accountTokens.use("race", "reset", at(1)),
          ),
        );
        expect(uses.filter((id) => id === account.id)).toHaveLength(1);
      });

      it("a TOTP step is recorded only forwards (a code is never accepted twice)", async () => {
        const account = anAccount();
        await t.store.accounts.insertIfAbsent(account);
        const steps = await Promise.all(
          Array.from({ length: 10 }, () => t.store.accounts.useTotpStep(account.id, 500)),
        );
        expect(steps.filter(Boolean)).toHaveLength(1);
        expect(await t.store.accounts.useTotpStep(account.id, 499)).toBe(false);
        expect(await t.store.accounts.useTotpStep(account.id, 501)).toBe(true);
      });

      it("one account per license: the first link stands, whoever races for it", async () => {
        const licenseId = await aLicense(t.store);
        const [a, b] = [anAccount(), anAccount()];
        await t.store.accounts.insertIfAbsent(a);
        await t.store.accounts.insertIfAbsent(b);
        const links = await Promise.all(
          [a, b, a, b].map((account) =>
            t.store.accountLicenses.link({ licenseId, accountId: account.id, via: "key", linkedAt: at(1) }),
          ),
        );
        const owner = links[0]?.accountId;
        expect(links.every((link) => link.accountId === owner)).toBe(true);
        expect(await t.store.accountLicenses.listByAccount(owner === a.id ? b.id : a.id)).toEqual([]);
      });
    });
  });
});
