/**
 * The account routes against the people the design names: someone who plants a cookie (fixation), a foreign
 * page posting with the user's cookie (CSRF), someone probing which emails have accounts (enumeration),
 * a guesser (throttling and lockout), a second account reaching for the first one's licenses, and someone
 * holding a copy of the database (nothing in the clear).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  accountCall,
  mailsTo,
  OWN_ORIGIN,
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
import { MINUTE } from "../support/clock.js";
import { errorOf, str } from "../support/http.js";
import { useServers } from "../support/server.js";

const code = (answer: { body: unknown; text: string }) => errorOf(answer as never).code;

describe("accounts", () => {
  const servers = useServers();

  describe("security", () => {
    it("session fixation: a planted cookie is never adopted, and a planted real session ends at sign-in", async () => {
      const t = await servers.start();
      await verifiedAccount(t, "victim@example.jp");
      await verifiedAccount(t, "attacker@example.jp");
      const planted = "attacker-chosen-value-0123456789abcdef";
      const res = await signIn(t, "victim@example.jp", PASSWORD, planted);
      const issued = sessionCookie(res);
      expect(issued).toBeDefined();
      expect(issued).not.toBe(planted);
      expect((await accountCall(t, "GET", "/v1/me", undefined, { cookie: planted })).status).toBe(401);

      // The attacker's own session, planted in the victim's browser: the victim's sign-in ends it.
      const attackers = await session(t, "attacker@example.jp");
      const victims = sessionCookie(await signIn(t, "victim@example.jp", PASSWORD, attackers));
      expect(victims).not.toBe(attackers);
      expect((await accountCall(t, "GET", "/v1/me", undefined, { cookie: attackers })).status).toBe(401);
      const me = await accountCall(t, "GET", "/v1/me", undefined, { cookie: victims });
      expect(me.body).toMatchObject({ email: "victim@example.jp" });
    });

    it("CSRF: a JSON request with the session cookie from another origin, or with no Origin, is refused and changes nothing", async () => {
      const t = await servers.start({ accounts: { publicUrl: "https://activate.example.com" } });
      const c = await t.catalogue();
      const cookie = await signedIn(t, "aiko@example.jp");
      const foreign = await accountCall(
        t,
        "POST",
        "/v1/me/licenses",
        { key: c.key },
        {
          cookie,
          origin: "https://evil.example",
        },
      );
      expect(foreign.status).toBe(403);
      expect(code(foreign)).toBe("CROSS_ORIGIN_REFUSED");
      expect(errorOf(foreign).remedy).toContain("https://activate.example.com");
      const sameSite = await accountCall(
        t,
        "POST",
        "/v1/me/licenses",
        { key: c.key },
        {
          cookie,
          origin: "https://shop.activate.example.com",
        },
      );
      expect(sameSite.status).toBe(403);
      const bare = await accountCall(t, "POST", "/v1/me/licenses", { key: c.key }, { cookie, origin: null });
      expect(code(bare)).toBe("CROSS_ORIGIN_REFUSED");
      const signOut = await accountCall(t, "DELETE", "/v1/sessions/current", undefined, {
        cookie,
        origin: "https://evil.example",
      });
      expect(signOut.status).toBe(403);
      expect((await accountCall(t, "GET", "/v1/me/licenses", undefined, { cookie })).body).toEqual({
        licenses: [],
      });

      // The server's own origins: the public URL, and the one the request was sent to.
      for (const origin of ["https://activate.example.com", OWN_ORIGIN]) {
        const own = await accountCall(t, "POST", "/v1/me/licenses", { key: c.key }, { cookie, origin });
        expect(own.status, origin).toBe(200);
      }
      // Without a cookie a script needs no Origin; a foreign one is refused all the same.
      expect((await signIn(t, "aiko@example.jp")).status).toBe(200);
      const foreignSignIn = await accountCall(
        t,
        "POST",
        "/v1/sessions",
        { email: "aiko@example.jp", password: PASSWORD },
        {
          origin: "https://evil.example",
        },
      );
      expect(code(foreignSignIn)).toBe("CROSS_ORIGIN_REFUSED");
    });

    it("enumeration: sign-up, reset and sign-in answer the same for a known and an unknown email", async () => {
      const t = await servers.start();
      await verifiedAccount(t, "known@example.jp");
      const strip = (answer: { status: number; body: unknown }) => ({
        status: answer.status,
        body: JSON.stringify(answer.body).replace(/known|unknown/g, "…"),
      });
      expect(strip(await signUp(t, "known@example.jp"))).toEqual(
        strip(await signUp(t, "unknown@example.jp")),
      );
      const reset = (email: string) => accountCall(t, "POST", "/v1/password-resets", { email });
      expect(strip(await reset("known@example.jp"))).toEqual(strip(await reset("unknown@example.jp")));
      const wrong = await signIn(t, "known@example.jp", "not the password");
      const nobody = await signIn(t, "nobody@example.jp", "not the password");
      expect(strip(wrong)).toEqual(strip(nobody));
      // The known address's owner hears of the attempt; nobody else is mailed.
      expect((await mailsTo(t, "known@example.jp")).map((m) => m.template)).toContain("signup-exists");
      expect((await mailsTo(t, "nobody@example.jp")).length).toBe(0);
      // A weak password is refused before anything is looked up: the same for both.
      expect(strip(await signUp(t, "known@example.jp", "short"))).toEqual(
        strip(await signUp(t, "other@example.jp", "short")),
      );
    });

    it("lockout: past the limit the account is locked with a way out (reset now, or wait until T); its owner is mailed once", async () => {
      const t = await servers.start({
        accounts: { signInLimits: { perAccount: 3, perAddress: 100, windowSeconds: 900 } },
      });
      await verifiedAccount(t, "aiko@example.jp");
      for (let i = 0; i < 3; i++)
        expect(code(await signIn(t, "aiko@example.jp", "guess"))).toBe("INVALID_CREDENTIALS");
      const locked = await signIn(t, "aiko@example.jp", PASSWORD);
      expect(locked.status).toBe(429);
      expect(code(locked)).toBe("ACCOUNT_LOCKED");
      expect(errorOf(locked).message).toContain("until 2026-03-01 09:15 UTC");
      expect(errorOf(locked).remedy).toMatch(/reset your password/);
      expect(locked.headers.get("retry-after")).toBe("900");
      expect(errorOf(locked).details).toEqual({ until: "2026-03-01T09:15:00.000Z", retryAfter: 900 });
      await signIn(t, "aiko@example.jp", "guess");
      const lockMails = (await mailsTo(t, "aiko@example.jp")).filter((m) => m.template === "locked");
      expect(lockMails).toHaveLength(1);
      expect(lockMails[0]?.text).toContain("2026-03-01 09:15 UTC");

      // A reset gets the owner back in at once.
      await accountCall(t, "POST", "/v1/password-resets", { email: "aiko@example.jp" });
      const token = await tokenMailed(t, "aiko@example.jp", "reset");
      await accountCall(t, "POST", "/v1/password-resets/confirm", { token, password: "a fresh passphrase" });
      expect((await signIn(t, "aiko@example.jp", "a fresh passphrase")).status).toBe(200);
    });

    it("lockout ends when its window does; an unknown email locks the same way (no tell)", async () => {
      const t = await servers.start({
        accounts: { signInLimits: { perAccount: 2, perAddress: 100, windowSeconds: 900 } },
      });
      await verifiedAccount(t, "aiko@example.jp");
      for (const email of ["aiko@example.jp", "ghost@example.jp"]) {
        await signIn(t, email, "guess");
        await signIn(t, email, "guess");
        expect(code(await signIn(t, email, PASSWORD)), email).toBe("ACCOUNT_LOCKED");
      }
      t.clock.advance(15 * MINUTE);
      expect((await signIn(t, "aiko@example.jp")).status).toBe(200);
    });

    it("throttling: consume, then decide — of 12 racing wrong passwords against a limit of 5, exactly 5 are checked", async () => {
      const t = await servers.start({
        accounts: { signInLimits: { perAccount: 5, perAddress: 100, windowSeconds: 900 } },
      });
      await verifiedAccount(t, "aiko@example.jp");
      const answers = await Promise.all(
        Array.from({ length: 12 }, () => signIn(t, "aiko@example.jp", "guess")),
      );
      const codes = answers.map(code);
      expect(codes.filter((c) => c === "INVALID_CREDENTIALS")).toHaveLength(5);
      expect(codes.filter((c) => c === "ACCOUNT_LOCKED")).toHaveLength(7);
    });

    it("throttling per address: one client trying many emails is slowed down, whoever the emails belong to", async () => {
      const t = await servers.start({
        accounts: { signInLimits: { perAccount: 10, perAddress: 4, windowSeconds: 900 } },
      });
      for (let i = 0; i < 4; i++)
        expect(code(await signIn(t, `u${i}@example.jp`, "guess"))).toBe("INVALID_CREDENTIALS");
      const slowed = await signIn(t, "u9@example.jp", "guess");
      expect(slowed.status).toBe(429);
      expect(code(slowed)).toBe("RATE_LIMITED");
      expect(slowed.headers.get("retry-after")).toBe("900");
    });

    it("a right password never counts: an owner signing in again and again is never locked", async () => {
      const t = await servers.start({
        accounts: { signInLimits: { perAccount: 2, perAddress: 2, windowSeconds: 900 } },
      });
      await verifiedAccount(t, "aiko@example.jp");
      for (let i = 0; i < 6; i++) expect((await signIn(t, "aiko@example.jp")).status).toBe(200);
    });

    it("an account sees only its own licenses: swapped ids are 404, another's license cannot be linked", async () => {
      const t = await servers.start();
      const c = await t.catalogue({}, 2);
      const [, other] = c.licenses;
      if (!other) throw new Error("no second license");
      const [sold] = await t.issue(c.policyId, 1, "a@example.jp");
      if (!sold) throw new Error("no license");
      const a = await signedIn(t, "a@example.jp");
      const b = await signedIn(t, "b@example.jp");
      expect((await accountCall(t, "POST", "/v1/me/licenses", { key: c.key }, { cookie: a })).status).toBe(
        200,
      );
      expect(
        (await accountCall(t, "POST", "/v1/me/licenses", { key: other.key }, { cookie: b })).status,
      ).toBe(200);

      const ids = (list: { body: unknown }) =>
        (list.body as { licenses: { id: string }[] }).licenses.map((l) => l.id);
      expect(ids(await accountCall(t, "GET", "/v1/me/licenses", undefined, { cookie: a })).sort()).toEqual(
        [c.licenseId, sold.id].sort(),
      );
      expect(ids(await accountCall(t, "GET", "/v1/me/licenses", undefined, { cookie: b }))).toEqual([
        other.id,
      ]);
      for (const id of [c.licenseId, sold.id]) {
        const swapped = await accountCall(t, "GET", `/v1/me/licenses/${id}`, undefined, { cookie: b });
        expect(swapped.status, id).toBe(404);
        expect(code(swapped)).toBe("LICENSE_NOT_FOUND");
      }
      // B holding A's keys: the one linked by A, and the one sold to A's email, are not B's to take.
      for (const key of [c.key, sold.key]) {
        const taken = await accountCall(t, "POST", "/v1/me/licenses", { key }, { cookie: b });
        expect(taken.status).toBe(409);
        expect(code(taken)).toBe("LICENSE_OWNED_ELSEWHERE");
      }
      expect(ids(await accountCall(t, "GET", "/v1/me/licenses", undefined, { cookie: b }))).toEqual([
        other.id,
      ]);
    });

    it("an unverified sign-up does not get the licenses sold to its email, and the real owner's reset ends its sessions", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      await t.issue(c.policyId, 1, "owner@example.jp");
      await signUp(t, "owner@example.jp", "squatter password 1");
      const squatter = await session(t, "owner@example.jp", "squatter password 1");
      expect((await accountCall(t, "GET", "/v1/me/licenses", undefined, { cookie: squatter })).body).toEqual({
        licenses: [],
      });
      expect(code(await accountCall(t, "POST", "/v1/me/totp", {}, { cookie: squatter }))).toBe(
        "EMAIL_NOT_VERIFIED",
      );

      await accountCall(t, "POST", "/v1/password-resets", { email: "owner@example.jp" });
      const token = await tokenMailed(t, "owner@example.jp", "reset");
      await accountCall(t, "POST", "/v1/password-resets/confirm", {
        token,
        password: "the owner's passphrase",
      });
      expect((await accountCall(t, "GET", "/v1/me", undefined, { cookie: squatter })).status).toBe(401);
      const owner = await session(t, "owner@example.jp", "the owner's passphrase");
      const list = await accountCall(t, "GET", "/v1/me/licenses", undefined, { cookie: owner });
      expect((list.body as { licenses: unknown[] }).licenses).toHaveLength(1);
    });

    it("links point at the public URL, never at the Host a request names; tokens travel after #", async () => {
      const t = await servers.start({ accounts: { publicUrl: "https://activate.example.com" } });
      await verifiedAccount(t, "aiko@example.jp");
      await t.app.request("http://evil.example/v1/password-resets", {
        method: "POST",
        headers: { "content-type": "application/json", host: "evil.example" },
        body: JSON.stringify({ email: "aiko@example.jp" }),
      });
      const [mail] = await mailsTo(t, "aiko@example.jp");
      expect(mail?.template).toBe("reset");
      expect(mail?.text).toMatch(/https:\/\/activate\.example\.com\/account\/reset#token=[\w-]{43}/);
      expect(mail?.text).not.toContain("evil.example");
    });

    it("a TOTP code works once: the same code cannot finish a second sign-in", async () => {
      const t = await servers.start();
      const cookie = await signedIn(t, "sora@example.jp");
      const secret = str((await accountCall(t, "POST", "/v1/me/totp", {}, { cookie })).body, "secret");
      await accountCall(t, "POST", "/v1/me/totp/confirm", { code: totp(secret, t) }, { cookie });
      t.clock.advance(MINUTE);
      const now = totp(secret, t);
      const first = str((await signIn(t, "sora@example.jp")).body, "challenge");
      expect(
        (await accountCall(t, "POST", "/v1/sessions/totp", { challenge: first, code: now })).status,
      ).toBe(200);
      const second = str((await signIn(t, "sora@example.jp")).body, "challenge");
      const replay = await accountCall(t, "POST", "/v1/sessions/totp", { challenge: second, code: now });
      expect(code(replay)).toBe("TOTP_CODE_INVALID");
      // A challenge is single-use too.
      expect(code(await accountCall(t, "POST", "/v1/sessions/totp", { challenge: first, code: now }))).toBe(
        "SIGN_IN_EXPIRED",
      );
    });

    it("a stolen database holds no password, session, link token, TOTP secret or recovery code in the clear", async () => {
      const t = await servers.start({ storage: "file" });
      const password = "a very memorable passphrase";
      await signUp(t, "aiko@example.jp", password);
      const verifyToken = await tokenMailed(t, "aiko@example.jp", "verify");
      await accountCall(t, "POST", "/v1/accounts/verify", { token: verifyToken });
      const cookie = await session(t, "aiko@example.jp", password);
      const secret = str((await accountCall(t, "POST", "/v1/me/totp", {}, { cookie })).body, "secret");
      const confirm = await accountCall(
        t,
        "POST",
        "/v1/me/totp/confirm",
        { code: totp(secret, t) },
        { cookie },
      );
      const recovery = (confirm.body as { recoveryCodes: string[] }).recoveryCodes;
      await accountCall(t, "POST", "/v1/password-resets", { email: "aiko@example.jp" });
      const resetToken = await tokenMailed(t, "aiko@example.jp", "reset");
      // Read beside the running server, as a copy taken of its files would be (the WAL holds the latest pages).
      const path = t.dbPath ?? "";
      const bytes = [path, `${path}-wal`].map((file) => {
        try {
          return readFileSync(file).toString("latin1");
        } catch {
          return "";
        }
      });
      const raw = bytes.join("");
      expect(raw).toContain("aiko@example.jp"); // the address is kept to send mail to
      for (const secretText of [password, verifyToken, resetToken, cookie, secret, ...recovery])
        expect(raw.includes(secretText), secretText.slice(0, 8)).toBe(false);
      expect(raw).toContain("$scrypt$ln=10,r=8,p=1$");
    });
  });
});
