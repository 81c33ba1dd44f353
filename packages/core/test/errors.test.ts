import {
  catalogue,
  describe as describeProblem,
  deviceCliErrorCodes,
  deviceErrorCodes,
  type ErrorCode,
  errorCodes,
  fail,
  httpStatus,
  isErrorCode,
  type Locale,
  ok,
  serverErrorCodes,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";

const locales: readonly Locale[] = ["en", "ja"];
const placeholders = (template: string): string[] =>
  [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ""))].sort();
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;

describe("error catalogue", () => {
  describe("happy: every code is fully worded", () => {
    it("has no duplicate codes, and exactly the codes of errorCodes", () => {
      expect(new Set(errorCodes).size).toBe(errorCodes.length);
      expect(Object.keys(catalogue).sort()).toEqual([...errorCodes].sort());
      for (const code of errorCodes) expect(code).toMatch(/^[A-Z][A-Z_]*[A-Z]$/);
    });

    it.each(errorCodes)("%s has a non-empty message and remedy in English and Japanese", (code) => {
      for (const locale of locales) {
        const { message, remedy } = catalogue[code][locale];
        expect(message.trim().length).toBeGreaterThan(0);
        expect(remedy.trim().length).toBeGreaterThan(0);
        expect(message).not.toBe(remedy);
      }
      const { en, ja } = catalogue[code];
      expect(`${ja.message}${ja.remedy}`).toMatch(JAPANESE);
      expect(en.message).not.toMatch(JAPANESE);
      expect(en.remedy).not.toMatch(JAPANESE);
    });

    it.each(errorCodes)("%s uses the same placeholders in English and Japanese", (code) => {
      const { en, ja } = catalogue[code];
      expect(placeholders(ja.message)).toEqual(placeholders(en.message));
      expect(placeholders(ja.remedy)).toEqual(placeholders(en.remedy));
      // No stray braces that would show up unfilled.
      for (const text of [en.message, en.remedy, ja.message, ja.remedy]) {
        const withoutPlaceholders = text.replace(/\{\w+\}/g, "");
        expect(withoutPlaceholders).not.toMatch(/[{}]/);
      }
    });

    it.each(errorCodes)("%s maps to a 4xx or 5xx HTTP status", (code) => {
      const status = httpStatus(code);
      expect(Number.isInteger(status)).toBe(true);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
    });

    it("gives the statuses clients rely on", () => {
      const expected: Partial<Record<ErrorCode, number>> = {
        KEY_MALFORMED: 400,
        VALIDATION_FAILED: 400,
        UNAUTHENTICATED: 401,
        LEASE_INVALID: 401,
        FORBIDDEN: 403,
        LICENSE_SUSPENDED: 403,
        LICENSE_REVOKED: 403,
        LICENSE_EXPIRED: 403,
        KEY_NOT_FOUND: 404,
        DEVICE_LIMIT_REACHED: 409,
        DEVICE_FORKED: 409,
        BODY_TOO_LARGE: 413,
        UNSUPPORTED_MEDIA_TYPE: 415,
        RATE_LIMITED: 429,
        INTERNAL_ERROR: 500,
        SERVICE_UNAVAILABLE: 503,
      };
      for (const [code, status] of Object.entries(expected))
        if (isErrorCode(code)) expect(httpStatus(code)).toBe(status);
      // Only the server's own trouble is a 5xx among the codes that travel in HTTP answers.
      expect(serverErrorCodes.filter((code) => httpStatus(code) >= 500)).toEqual([
        "SERVICE_UNAVAILABLE",
        "INTERNAL_ERROR",
      ]);
    });

    it("server and device codes split the catalogue without overlap", () => {
      expect([...serverErrorCodes, ...deviceErrorCodes].sort()).toEqual([...errorCodes].sort());
      const server: readonly string[] = serverErrorCodes;
      for (const code of deviceErrorCodes) expect(server).not.toContain(code);
    });

    it("the device CLI's codes are device codes: usage 400, this machine 412, an untrusted server 502", () => {
      const device: readonly string[] = deviceErrorCodes;
      for (const code of deviceCliErrorCodes) expect(device).toContain(code);
      expect(httpStatus("NO_PRODUCT")).toBe(400);
      expect(httpStatus("BAD_FINGERPRINT_FILE")).toBe(400);
      expect(httpStatus("CLOCK_SKEW")).toBe(httpStatus("CLOCK_ROLLBACK"));
      expect(httpStatus("LEASE_GRACE")).toBe(httpStatus("LEASE_EXPIRED"));
      expect(httpStatus("FINGERPRINT_DRIFT")).toBe(httpStatus("FINGERPRINT_MISMATCH"));
      expect(httpStatus("KEYS_ROTATED")).toBe(httpStatus("RESPONSE_SIGNATURE_INVALID"));
      expect(httpStatus("UNEXPECTED")).toBe(500);
    });

    it("the admin CLI's codes follow the same convention, next to the device codes they are like", () => {
      for (const code of ["NO_TOKEN", "EXTEND_CHOICE", "OUTPUT_EXISTS", "INTERRUPTED"] as const)
        expect(httpStatus(code)).toBe(400);
      expect(httpStatus("OUTPUT_FAILED")).toBe(httpStatus("FINGERPRINT_UNREADABLE"));
      expect(httpStatus("STDOUT_FAILED")).toBe(412);
      expect(httpStatus("STREAM_BROKEN")).toBe(httpStatus("SERVER_UNREACHABLE"));
      expect(httpStatus("STREAM_SHORT")).toBe(httpStatus("RESPONSE_INVALID"));
    });

    it("isErrorCode knows exactly the catalogue", () => {
      for (const code of errorCodes) expect(isErrorCode(code)).toBe(true);
      for (const other of ["", "key_malformed", "NOPE", "toString", "__proto__", "KEY_MALFORMED "])
        expect(isErrorCode(other)).toBe(false);
    });
  });

  describe("describe(): filling placeholders", () => {
    it("fills plain params in each locale", () => {
      expect(describeProblem("DEVICE_LIMIT_REACHED", "en", { count: 2, max: 2 }).message).toBe(
        "This key is already activated on 2 of 2 allowed devices, and this machine is not one of them.",
      );
      expect(describeProblem("DEVICE_LIMIT_REACHED", "ja", { count: 2, max: 3 }).message).toBe(
        "このキーは上限 3 台のうち 2 台で既にアクティベートされており、このマシンはそのいずれでもありません。",
      );
      expect(describeProblem("RATE_LIMITED", "en", { retryAfter: 30 }).remedy).toBe(
        "Try again after 30 seconds.",
      );
    });

    it("fills localized params with the reader's locale", () => {
      const params = { reason: { en: "group 2 has a typo", ja: "グループ 2 に入力ミスがあります" } };
      expect(describeProblem("KEY_MALFORMED", "en", params).message).toBe(
        "The product key is not valid: group 2 has a typo",
      );
      expect(describeProblem("KEY_MALFORMED", "ja", params).message).toBe(
        "プロダクトキーが正しくありません: グループ 2 に入力ミスがあります",
      );
    });

    it("words a sentence that depends on a condition from localized params (CLOCK_SKEW)", () => {
      const params = {
        skew: "2 hours",
        direction: { en: "ahead of", ja: "進んで" },
        source: { en: "signed", ja: "署名付き" },
        consequence: { en: "it matters.", ja: "重要です。" },
      };
      expect(describeProblem("CLOCK_SKEW", "en", params)).toEqual({
        message: "The system clock is 2 hours ahead of the server's signed time.",
        remedy: "Turn on automatic time; it matters.",
      });
      expect(describeProblem("CLOCK_SKEW", "ja", params).message).toBe(
        "システムの時計がサーバーの署名付き時刻より 2 hours 進んでいます。",
      );
    });

    it("fills every placeholder of every code, in message and remedy", () => {
      for (const code of errorCodes)
        for (const locale of locales) {
          const { message, remedy } = catalogue[code][locale];
          const names = [...placeholders(message), ...placeholders(remedy)];
          const params = Object.fromEntries(
            names.map((name) => [name, { en: `<${name}>`, ja: `〈${name}〉` }]),
          );
          const text = describeProblem(code, locale, params);
          for (const name of names)
            expect(`${text.message} ${text.remedy}`).toContain(locale === "en" ? `<${name}>` : `〈${name}〉`);
          expect(`${text.message} ${text.remedy}`).not.toMatch(/\{\w+\}/);
        }
    });

    it("returns the catalogue text unchanged when there is nothing to fill", () => {
      expect(describeProblem("BODY_MALFORMED", "en")).toEqual(catalogue.BODY_MALFORMED.en);
      expect(describeProblem("BODY_MALFORMED", "ja", { unused: "x" })).toEqual(catalogue.BODY_MALFORMED.ja);
    });
  });

  describe("error: missing or odd params", () => {
    it("leaves a placeholder with no value visible rather than dropping it", () => {
      expect(describeProblem("LICENSE_EXPIRED", "en").message).toBe("This license expired on {expiredAt}.");
      expect(describeProblem("FORBIDDEN", "en", { role: "readonly" }).message).toBe(
        "The role readonly may not do this; it needs {required}.",
      );
    });

    it("formats numbers, zero and empty strings", () => {
      expect(describeProblem("BODY_TOO_LARGE", "en", { limit: 0 }).message).toBe(
        "The request body is larger than 0 bytes.",
      );
      expect(describeProblem("LICENSE_SUSPENDED", "en", { reason: "" }).message).toBe(
        "This license is suspended: ",
      );
    });
  });

  describe("security: params are data, not templates", () => {
    it("does not expand placeholders inside a param's value", () => {
      const text = describeProblem("LICENSE_SUSPENDED", "en", { reason: "{reason} {count} $& $1" });
      expect(text.message).toBe("This license is suspended: {reason} {count} $& $1");
    });

    it("ignores params named like Object.prototype members", () => {
      expect(describeProblem("LICENSE_EXPIRED", "en", {}).message).toContain("{expiredAt}");
      const protoParams = JSON.parse('{"__proto__": {"expiredAt": "polluted"}}');
      expect(describeProblem("LICENSE_EXPIRED", "en", protoParams).message).toBe(
        "This license expired on {expiredAt}.",
      );
    });
  });
});

describe("result helpers", () => {
  it("ok and fail build plain values; fail omits absent params and details", () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(fail("KEY_NOT_FOUND")).toEqual({ ok: false, error: { code: "KEY_NOT_FOUND" } });
    expect(Object.keys(fail("KEY_NOT_FOUND").error)).toEqual(["code"]);
    expect(fail("RATE_LIMITED", { retryAfter: 5 }, { bucket: "ip" })).toEqual({
      ok: false,
      error: { code: "RATE_LIMITED", params: { retryAfter: 5 }, details: { bucket: "ip" } },
    });
  });
});
