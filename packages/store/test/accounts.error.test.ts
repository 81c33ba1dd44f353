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
  });
});
