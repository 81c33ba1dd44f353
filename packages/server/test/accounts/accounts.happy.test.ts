/**
 * The account flows as a user walks them: sign up, read the verification mail, sign in, see the licenses sold to
 * the address and link one by its key; reset a forgotten password; turn on two-step sign-in and use it.
 */
import { describe, expect, it } from "vitest";
import {
  accountCall,
  mailsTo,
  PASSWORD,
  session,
  sessionCookie,
  signedIn,
  signIn,
  signUp,
  tokenMailed,
  totp,
  verifiedAccount,
} from "../support/accounts.js";
import { machine } from "../support/fingerprints.js";
import { str } from "../support/http.js";
import { useServers } from "../support/server.js";

describe("accounts", () => {
  const servers = useServers();

  describe("happy", () => {
    it("sign-up → verification mail → sign-in → the licenses sold to the address, with devices and transfers left", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 2, transfersPerYear: 3 });
      const [sold] = await t.issue(c.policyId, 1, "aiko@example.jp");
      if (!sold) throw new Error("no license");
      await t.activated(sold.key, machine("aiko-pc"));

      const up = await signUp(t, "Aiko@Example.jp", PASSWORD, { "accept-language": "ja" });
      expect(up.status).toBe(201);
      expect(up.body).toEqual({ status: "mail_sent", email: "aiko@example.jp" });
      const [mail] = await mailsTo(t, "aiko@example.jp");
      expect(mail).toMatchObject({ template: "verify", language: "ja", subject: "メールアドレスの確認" });
      expect(mail?.text).toMatch(/^.*http:\/\/localhost:8080\/account\/verify#token=[\w-]{43}$/m);

      // Before verification the license sold to the address is not the account's yet.
      const early = await session(t, "aiko@example.jp");
      const before = await accountCall(t, "GET", "/v1/me/licenses", undefined, { cookie: early });
      expect(before.body).toEqual({ licenses: [] });

      const token = await tokenMailed(t, "aiko@example.jp", "verify");
      expect((await accountCall(t, "POST", "/v1/accounts/verify", { token })).status).toBe(200);

      const cookie = await session(t, "aiko@example.jp");
      const me = await accountCall(t, "GET", "/v1/me", undefined, { cookie });
      expect(me.body).toMatchObject({
        email: "aiko@example.jp",
        emailVerified: true,
        totp: false,
        language: "ja",
      });
      const mine = await accountCall(t, "GET", "/v1/me/licenses", undefined, { cookie });
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({
        licenses: [
          {
            id: sold.id,
            productName: "Test product",
            linkedVia: "email",
            state: "active",
            maxDevices: 2,
            devices: [{ name: "Aiko's laptop", platform: "linux" }],
            transfers: { allowed: true, perYear: 3, left: 3 },
          },
        ],
      });
      // An owner's view carries no hardware digests and no lease bookkeeping.
      expect(mine.text).not.toMatch(/digest|components|leaseCounters/);
    });

    it("links a license by its key, listed with the ones sold to the address; linking again changes nothing", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const cookie = await signedIn(t, "kenji@example.jp");
      const linked = await accountCall(
        t,
        "POST",
        "/v1/me/licenses",
        { key: c.key.toLowerCase() },
        { cookie },
      );
      expect(linked.status).toBe(200);
      expect(linked.body).toMatchObject({ id: c.licenseId, linkedVia: "key", devices: [] });
      expect((await accountCall(t, "POST", "/v1/me/licenses", { key: c.key }, { cookie })).status).toBe(200);
      const list = await accountCall(t, "GET", "/v1/me/licenses", undefined, { cookie });
      expect((list.body as { licenses: { id: string }[] }).licenses.map((l) => l.id)).toEqual([c.licenseId]);
      const one = await accountCall(t, "GET", `/v1/me/licenses/${c.licenseId}`, undefined, { cookie });
      expect(one.body).toMatchObject({ id: c.licenseId, linkedVia: "key" });
      const events = await t.timeline(c.licenseId);
      expect(events.filter((e) => e.type === "license.linked")).toHaveLength(1);
      expect(events.find((e) => e.type === "license.linked")?.actor).toMatch(/^account:acc_/);
    });

    it("resets a forgotten password by the mailed link, once; the old password and old sessions stop working", async () => {
      const t = await servers.start();
      const old = await signedIn(t, "mei@example.jp");
      const asked = await accountCall(t, "POST", "/v1/password-resets", { email: "MEI@example.jp" });
      expect(asked.status).toBe(202);
      expect(asked.body).toEqual({ status: "mail_sent", email: "mei@example.jp" });
      const token = await tokenMailed(t, "mei@example.jp", "reset");
      const done = await accountCall(t, "POST", "/v1/password-resets/confirm", {
        token,
        password: "a brand new passphrase",
      });
      expect(done.status).toBe(200);
      expect((await accountCall(t, "GET", "/v1/me", undefined, { cookie: old })).status).toBe(401);
      expect((await signIn(t, "mei@example.jp", PASSWORD)).status).toBe(401);
      expect((await signIn(t, "mei@example.jp", "a brand new passphrase")).status).toBe(200);
      const again = await accountCall(t, "POST", "/v1/password-resets/confirm", {
        token,
        password: "yet another passphrase",
      });
      expect(again.status).toBe(410);
    });

    it("two-step sign-in: set up, confirm, sign in with a code, then with a recovery code once; turn it off", async () => {
      const t = await servers.start();
      const cookie = await signedIn(t, "sora@example.jp");
      const setup = await accountCall(t, "POST", "/v1/me/totp", {}, { cookie });
      expect(setup.status).toBe(200);
      const secret = str(setup.body, "secret");
      expect(str(setup.body, "uri")).toMatch(/^otpauth:\/\/totp\/localhost:sora%40example\.jp\?.*secret=/);
      const confirm = await accountCall(
        t,
        "POST",
        "/v1/me/totp/confirm",
        { code: totp(secret, t) },
        { cookie },
      );
      expect(confirm.status).toBe(200);
      const codes = (confirm.body as { recoveryCodes: string[] }).recoveryCodes;
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);

      t.clock.advance(60_000);
      const first = await signIn(t, "sora@example.jp");
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ status: "totp_required" });
      expect(sessionCookie(first)).toBeUndefined();
      const challenge = str(first.body, "challenge");
      const second = await accountCall(t, "POST", "/v1/sessions/totp", { challenge, code: totp(secret, t) });
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ status: "signed_in", account: { totp: true } });
      expect(sessionCookie(second)).toBeDefined();

      const lost = str((await signIn(t, "sora@example.jp")).body, "challenge");
      const byRecovery = await accountCall(t, "POST", "/v1/sessions/totp", {
        challenge: lost,
        recoveryCode: (codes[0] ?? "").toLowerCase(),
      });
      expect(byRecovery.status).toBe(200);
      const reused = str((await signIn(t, "sora@example.jp")).body, "challenge");
      const refused = await accountCall(t, "POST", "/v1/sessions/totp", {
        challenge: reused,
        recoveryCode: codes[0],
      });
      expect(refused.status).toBe(401);
      expect((refused.body as { error: { code: string } }).error.code).toBe("TOTP_CODE_INVALID");

      t.clock.advance(60_000);
      const off = await accountCall(t, "POST", "/v1/me/totp/disable", { code: totp(secret, t) }, { cookie });
      expect(off.status).toBe(200);
      expect((await signIn(t, "sora@example.jp")).body).toMatchObject({ status: "signed_in" });
    });

    it("signs out: the session ends and its cookie is cleared", async () => {
      const t = await servers.start();
      const cookie = await signedIn(t, "ren@example.jp");
      const out = await accountCall(t, "DELETE", "/v1/sessions/current", undefined, { cookie });
      expect(out.status).toBe(204);
      expect(out.headers.get("set-cookie")).toMatch(/ninsho_session=;.*Max-Age=0/i);
      expect((await accountCall(t, "GET", "/v1/me", undefined, { cookie })).status).toBe(401);
    });

    it("sets the session cookie HttpOnly, SameSite=Lax, Path=/, and Secure when the public URL is https", async () => {
      const plain = await servers.start();
      await verifiedAccount(plain, "yui@example.jp");
      const cookie = (await signIn(plain, "yui@example.jp")).headers.get("set-cookie") ?? "";
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(/Path=\//);
      expect(cookie).not.toMatch(/Secure/);
      const tls = await servers.start({ accounts: { publicUrl: "https://activate.example.com" } });
      await verifiedAccount(tls, "yui@example.jp");
      const secure = (await signIn(tls, "yui@example.jp")).headers.get("set-cookie") ?? "";
      expect(secure).toMatch(/; Secure/);
      expect((await mailsTo(tls, "yui@example.jp"))[0]?.text).toContain(
        "https://activate.example.com/account/verify#token=",
      );
    });
  });
});
