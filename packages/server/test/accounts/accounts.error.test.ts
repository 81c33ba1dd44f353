/**
 * What an account user gets wrong, and what they are told: a weak password, no session, an old link, a wrong
 * code, a key that is not one — each a coded 4xx with a remedy, never a 5xx.
 */
import { describe, expect, it } from "vitest";
import { accountCall, signedIn, signIn, signUp, tokenMailed, totp } from "../support/accounts.js";
import { DAY, HOUR, MINUTE } from "../support/clock.js";
import { errorOf, str } from "../support/http.js";
import { withTypo } from "../support/keys.js";
import { useServers } from "../support/server.js";

const code = (answer: { body: unknown; text: string }) => errorOf(answer as never).code;

describe("accounts", () => {
  const servers = useServers();

  describe("error", () => {
    it.each([
      ["short", "eight ch", "too short"],
      ["long", `${"x".repeat(257)}y`, "too long"],
      ["repeated", "aaaaaaaaaaaa", "one character repeated"],
      ["common", "Password123", "guessers try first"],
      ["email", "aiko@example.jp", "your email address"],
    ])("a %s password is refused with PASSWORD_TOO_WEAK saying why", async (_reason, password, words) => {
      const t = await servers.start();
      const res = await signUp(t, "aiko@example.jp", password);
      expect(res.status).toBe(400);
      expect(code(res)).toBe("PASSWORD_TOO_WEAK");
      expect(errorOf(res).message).toContain(words);
      expect(errorOf(res).remedy).toContain("10 to 256 characters");
    });

    it("without a live session every account route answers 401 SIGN_IN_REQUIRED", async () => {
      const t = await servers.start();
      const cookie = await signedIn(t, "aiko@example.jp");
      const routes: [string, string, unknown?][] = [
        ["GET", "/v1/me"],
        ["GET", "/v1/me/licenses"],
        ["GET", "/v1/me/licenses/lic_01JNOTHEREXXXXXXXXXXXXXXXX"],
        ["POST", "/v1/me/licenses", { key: "BCDFG-HJKMP-QRTVW-XY234-6789B" }],
        ["POST", "/v1/me/verification", {}],
        ["POST", "/v1/me/totp", {}],
        ["POST", "/v1/me/totp/confirm", { code: "123456" }],
        ["POST", "/v1/me/totp/disable", { code: "123456" }],
        ["DELETE", "/v1/sessions/current"],
      ];
      t.clock.advance(31 * DAY); // the session has ended
      for (const given of [undefined, "not-a-session", cookie]) {
        for (const [method, path, body] of routes) {
          const res = await accountCall(t, method, path, body, { cookie: given });
          expect(res.status, `${method} ${path}`).toBe(401);
          expect(code(res)).toBe("SIGN_IN_REQUIRED");
        }
      }
    });

    it("a verification link works once and for 48 hours; a reset link for one hour", async () => {
      const t = await servers.start();
      await signUp(t, "aiko@example.jp");
      const verify = await tokenMailed(t, "aiko@example.jp", "verify");
      t.clock.advance(48 * HOUR);
      const late = await accountCall(t, "POST", "/v1/accounts/verify", { token: verify });
      expect(late.status).toBe(410);
      expect(code(late)).toBe("LINK_EXPIRED");

      await accountCall(t, "POST", "/v1/password-resets", { email: "aiko@example.jp" });
      const reset = await tokenMailed(t, "aiko@example.jp", "reset");
      // A weak password keeps the link usable for a better one.
      const weak = await accountCall(t, "POST", "/v1/password-resets/confirm", {
        token: reset,
        password: "short",
      });
      expect(code(weak)).toBe("PASSWORD_TOO_WEAK");
      t.clock.advance(HOUR);
      const expired = await accountCall(t, "POST", "/v1/password-resets/confirm", {
        token: reset,
        password: "a good long passphrase",
      });
      expect(code(expired)).toBe("LINK_EXPIRED");
    });

    it("a newer reset link voids the older one", async () => {
      const t = await servers.start();
      await signUp(t, "aiko@example.jp");
      await accountCall(t, "POST", "/v1/password-resets", { email: "aiko@example.jp" });
      const older = await tokenMailed(t, "aiko@example.jp", "reset");
      t.clock.advance(1000);
      await accountCall(t, "POST", "/v1/password-resets", { email: "aiko@example.jp" });
      const res = await accountCall(t, "POST", "/v1/password-resets/confirm", {
        token: older,
        password: "a good long passphrase",
      });
      expect(code(res)).toBe("LINK_EXPIRED");
    });

    it("a wrong password and a wrong second-factor code are refused; the sign-in challenge lasts five minutes", async () => {
      const t = await servers.start();
      const cookie = await signedIn(t, "sora@example.jp");
      expect(code(await signIn(t, "sora@example.jp", "not the password"))).toBe("INVALID_CREDENTIALS");
      const secret = str((await accountCall(t, "POST", "/v1/me/totp", {}, { cookie })).body, "secret");
      expect(code(await accountCall(t, "POST", "/v1/me/totp/confirm", { code: "000000" }, { cookie }))).toBe(
        "TOTP_CODE_INVALID",
      );
      await accountCall(t, "POST", "/v1/me/totp/confirm", { code: totp(secret, t) }, { cookie });
      expect(code(await accountCall(t, "POST", "/v1/me/totp", {}, { cookie }))).toBe("TOTP_STATE_CONFLICT");

      t.clock.advance(MINUTE);
      const challenge = str((await signIn(t, "sora@example.jp")).body, "challenge");
      const wrong = await accountCall(t, "POST", "/v1/sessions/totp", { challenge, code: "000000" });
      expect(wrong.status).toBe(401);
      expect(code(wrong)).toBe("TOTP_CODE_INVALID");
      // A typo leaves the challenge usable; after five minutes it is gone.
      t.clock.advance(5 * MINUTE);
      const late = await accountCall(t, "POST", "/v1/sessions/totp", { challenge, code: totp(secret, t) });
      expect(code(late)).toBe("SIGN_IN_EXPIRED");
      const both = await accountCall(t, "POST", "/v1/sessions/totp", {
        challenge,
        code: "123456",
        recoveryCode: "ABCD",
      });
      expect(code(both)).toBe("VALIDATION_FAILED");
    });

    it("linking a mistyped or unknown key says which, like activation does", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const cookie = await signedIn(t, "aiko@example.jp");
      const typo = await accountCall(t, "POST", "/v1/me/licenses", { key: withTypo(c.key, 2) }, { cookie });
      expect(typo.status).toBe(400);
      expect(code(typo)).toBe("KEY_MALFORMED");
      const unknown = await accountCall(
        t,
        "POST",
        "/v1/me/licenses",
        { key: "BCDFG-HJKMP-QRTVW-XY234-6789B" },
        { cookie },
      );
      expect(["KEY_NOT_FOUND", "KEY_MALFORMED"]).toContain(code(unknown));
      expect(unknown.status).toBeLessThan(500);
    });

    it("bad bodies are VALIDATION_FAILED naming the field, in Japanese when asked", async () => {
      const t = await servers.start();
      const res = await accountCall(
        t,
        "POST",
        "/v1/accounts",
        { email: "not-an-email", password: "x" },
        {
          headers: { "accept-language": "ja" },
        },
      );
      expect(res.status).toBe(400);
      expect(code(res)).toBe("VALIDATION_FAILED");
      expect(errorOf(res).message).toContain("email");
      expect(errorOf(res).message).toMatch(/[\u3040-\u30ff]/u);
    });
  });
});
