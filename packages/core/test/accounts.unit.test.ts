/** The pure decisions of accounts: password policy, hash format, sign-in gate, token lifetimes, TOTP steps. */
import {
  canonicalUserCode,
  DEFAULT_SCRYPT_COST,
  defaultSignInLimits,
  formatPasswordHash,
  needsRehash,
  normalizeEmail,
  parsePasswordHash,
  passwordProblem,
  signInGate,
  tokenExpiry,
  tokenUsable,
  totpStep,
  totpStepAccepted,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";

const T0 = Date.parse("2026-03-01T09:00:00.000Z");

describe("accounts", () => {
  describe("happy", () => {
    it("normalises an email the way licenses keep their owner's", () => {
      expect(normalizeEmail("  Aiko@Example.JP ")).toBe("aiko@example.jp");
    });

    it("accepts a long passphrase, whatever its characters", () => {
      expect(passwordProblem("correct horse battery staple", "aiko@example.jp")).toBeUndefined();
      expect(passwordProblem("ひらがなのながいぱすふれーず", "aiko@example.jp")).toBeUndefined();
    });

    it("writes and reads a PHC-style scrypt hash; a cheaper stored cost asks for a rehash", () => {
      const text = formatPasswordHash({ cost: DEFAULT_SCRYPT_COST, salt: "c2FsdHNhbHQ", hash: "a2V5a2V5" });
      expect(text).toBe("$scrypt$ln=15,r=8,p=3$c2FsdHNhbHQ$a2V5a2V5");
      expect(parsePasswordHash(text)).toEqual({
        cost: DEFAULT_SCRYPT_COST,
        salt: "c2FsdHNhbHQ",
        hash: "a2V5a2V5",
      });
      expect(needsRehash({ logN: 14, r: 8, p: 1 }, DEFAULT_SCRYPT_COST)).toBe(true);
      expect(needsRehash(DEFAULT_SCRYPT_COST, DEFAULT_SCRYPT_COST)).toBe(false);
      // The default is one of OWASP's scrypt settings: N = 2^15, r = 8, p = 3.
      expect(DEFAULT_SCRYPT_COST).toEqual({ logN: 15, r: 8, p: 3 });
    });

    it("gives reset links an hour, verification links two days, challenges five minutes, sessions 30 days", () => {
      const now = new Date(T0);
      expect(tokenExpiry("reset", now)).toBe("2026-03-01T10:00:00.000Z");
      expect(tokenExpiry("verify", now)).toBe("2026-03-03T09:00:00.000Z");
      expect(tokenExpiry("challenge", now)).toBe("2026-03-01T09:05:00.000Z");
      expect(tokenExpiry("session", now)).toBe("2026-03-31T09:00:00.000Z");
      expect(tokenExpiry("recovery", now)).toBeUndefined();
    });
  });

  describe("error", () => {
    it.each([
      ["short", "nine char", "aiko@example.jp"],
      ["long", "x".repeat(256).concat("y"), "aiko@example.jp"],
      ["repeated", "zzzzzzzzzzzz", "aiko@example.jp"],
      ["common", "Password123", "aiko@example.jp"],
      ["email", "Aiko@Example.jp", "aiko@example.jp"],
      ["email", "aikochan12", "aikochan12@example.jp"],
    ])("refuses a %s password", (reason, password, email) => {
      expect(passwordProblem(password, email)).toEqual({
        code: "PASSWORD_TOO_WEAK",
        params: { reason, min: 10, max: 256 },
      });
    });

    it("reads a device's user code however it is typed, and refuses what cannot be one", () => {
      expect(canonicalUserCode("bcdf ghjk")).toBe("BCDF-GHJK");
      expect(canonicalUserCode("BCDF-GHJK")).toBe("BCDF-GHJK");
      expect(canonicalUserCode("BCDF-GHJ")).toBeUndefined();
      expect(canonicalUserCode("BCDF-GHJA")).toBeUndefined();
    });

    it("reads no hash it did not make", () => {
      expect(parsePasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$a2V5")).toBeUndefined();
      expect(parsePasswordHash("plain text")).toBeUndefined();
    });

    it("a used or expired token is not usable; one without expiry lasts until used", () => {
      const now = new Date(T0);
      expect(tokenUsable({ expiresAt: "2026-03-01T09:00:00.001Z" }, now)).toBe(true);
      expect(tokenUsable({ expiresAt: "2026-03-01T09:00:00.000Z" }, now)).toBe(false);
      expect(tokenUsable({ usedAt: "2026-03-01T08:00:00.000Z" }, now)).toBe(false);
      expect(tokenUsable({}, now)).toBe(true);
    });
  });

  describe("security", () => {
    it("decides on counts that include this attempt: the limit-th passes, the next is locked, the owner told once", () => {
      const limits = { perAccount: 3, perAddress: 5, windowSeconds: 900 };
      const at = (count: number) => ({ count, resetAt: T0 + 900_000 });
      expect(signInGate(at(3), at(3), limits)).toEqual({ kind: "go" });
      expect(signInGate(at(4), at(4), limits)).toEqual({
        kind: "locked",
        until: T0 + 900_000,
        justLocked: true,
      });
      expect(signInGate(at(5), at(5), limits)).toMatchObject({ kind: "locked", justLocked: false });
      expect(signInGate(at(1), at(6), limits)).toEqual({ kind: "throttled", until: T0 + 900_000 });
      expect(defaultSignInLimits).toEqual({ perAccount: 10, perAddress: 50, windowSeconds: 900 });
    });

    it("a TOTP code is good one step either side of now, and never twice", () => {
      const now = totpStep(T0);
      expect(totpStep(Date.parse("1970-01-01T00:01:00Z"))).toBe(2);
      expect(totpStepAccepted(now - 1, now, undefined)).toBe(true);
      expect(totpStepAccepted(now + 1, now, undefined)).toBe(true);
      expect(totpStepAccepted(now - 2, now, undefined)).toBe(false);
      expect(totpStepAccepted(now + 2, now, undefined)).toBe(false);
      expect(totpStepAccepted(now, now, now)).toBe(false);
      expect(totpStepAccepted(now, now, now - 1)).toBe(true);
      expect(totpStepAccepted(now - 1, now, now)).toBe(false);
    });
  });
});
