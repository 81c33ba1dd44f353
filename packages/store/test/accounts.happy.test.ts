/**
 * Accounts, their one-time tokens and sessions, license links and the outbox on both dialects: one account per
 * email, a token used once however many race for it, a TOTP step recorded only forwards, one account per license.
 */
import { newId } from "@ninsho/core";
import type { AccountRecord } from "@ninsho/store";
import { describe, expect, it } from "vitest";
import { at, hex } from "./support/builders.js";
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
  });
});
