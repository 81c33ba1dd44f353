/**
 * The account flows on both stores (a SQLite file and PostgreSQL): sign-up → verify → sign-in → licenses, a link
 * used by racing requests exactly once, and racing wrong passwords locked at exactly the limit.
 */
import { describe, expect, it } from "vitest";
import { accountCall, PASSWORD, session, signIn, signUp, tokenMailed } from "../support/accounts.js";
import { backends, useBackendServers } from "../support/backends.js";
import { errorOf } from "../support/http.js";

describe.each(backends)("accounts on $name", ({ name, skip }) => {
  describe.skipIf(skip)("happy and security", () => {
    const start = useBackendServers(name);

    it("sign-up → verify → sign-in → the licenses sold to the address and linked by key", async () => {
      const t = await start();
      const c = await t.catalogue();
      const [sold] = await t.issue(c.policyId, 1, "aiko@example.jp");
      await signUp(t, "aiko@example.jp");
      const token = await tokenMailed(t, "aiko@example.jp", "verify");
      expect((await accountCall(t, "POST", "/v1/accounts/verify", { token })).status).toBe(200);
      const cookie = await session(t, "aiko@example.jp");
      expect((await accountCall(t, "POST", "/v1/me/licenses", { key: c.key }, { cookie })).status).toBe(200);
      const list = await accountCall(t, "GET", "/v1/me/licenses", undefined, { cookie });
      const ids = (list.body as { licenses: { id: string; linkedVia: string }[] }).licenses;
      expect(ids.map((l) => [l.id, l.linkedVia]).sort()).toEqual(
        [
          [c.licenseId, "key"],
          [sold?.id, "email"],
        ].sort(),
      );
    });

    it("a reset link raced by eight requests changes the password once", async () => {
      const t = await start();
      await signUp(t, "aiko@example.jp");
      await accountCall(t, "POST", "/v1/password-resets", { email: "aiko@example.jp" });
      const token = await tokenMailed(t, "aiko@example.jp", "reset");
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          accountCall(t, "POST", "/v1/password-resets/confirm", {
            token,
            password: `new passphrase number ${i}`,
          }),
        ),
      );
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 410)).toHaveLength(7);
    });

    it("racing wrong passwords: exactly the limit are checked, the rest are told the account is locked", async () => {
      const t = await start();
      await signUp(t, "aiko@example.jp");
      const limit = t.deps.accounts.signInLimits.perAccount;
      const answers = await Promise.all(
        Array.from({ length: limit + 6 }, () => signIn(t, "aiko@example.jp", "guess")),
      );
      const codes = answers.map((a) => errorOf(a).code);
      expect(codes.filter((code) => code === "INVALID_CREDENTIALS")).toHaveLength(limit);
      expect(codes.filter((code) => code === "ACCOUNT_LOCKED")).toHaveLength(6);
      expect((await signIn(t, "aiko@example.jp", PASSWORD)).status).toBe(429);
    });
  });
});
