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
