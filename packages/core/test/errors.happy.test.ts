import {
  argumentNames,
  catalogue,
  describe as describeProblem,
  deviceCliErrorCodes,
  deviceErrorCodes,
  type ErrorCode,
  errorCodes,
  fail,
  httpStatus,
  isErrorCode,
  isServerErrorCode,
  type Locale,
  ok,
  reason,
  reasonTexts,
  sdkErrorCodes,
  serverErrorCodes,
  tableMismatches,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";

const locales: readonly Locale[] = ["en", "ja"];
/** The catalogue as one flat table per language (`CODE.message`, `CODE.remedy`), as every package's are checked. */
const flat = (locale: Locale): Record<string, string> =>
  Object.fromEntries(
    errorCodes.flatMap((code) => [
      [`${code}.message`, catalogue[code][locale].message],
      [`${code}.remedy`, catalogue[code][locale].remedy],
    ]),
  );
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

    it("is valid ICU, with the same arguments in English and Japanese for every message and remedy", () => {
      expect(tableMismatches({ en: flat("en"), ja: flat("ja") })).toEqual([]);
    });

    it.each(serverErrorCodes)("%s maps to a 4xx or 5xx HTTP status", (code) => {
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
        SERVER_BUSY: 503,
      };
      for (const [code, status] of Object.entries(expected))
        if (isServerErrorCode(code)) expect(httpStatus(code)).toBe(status);
      // Only the server's own trouble is a 5xx among the codes that travel in HTTP answers.
      expect(serverErrorCodes.filter((code) => httpStatus(code) >= 500)).toEqual([
        "SERVICE_UNAVAILABLE",
        "SERVER_BUSY",
        "INTERNAL_ERROR",
      ]);
    });

    it("server and device codes split the catalogue without overlap", () => {
      expect([...serverErrorCodes, ...deviceErrorCodes].sort()).toEqual([...errorCodes].sort());
      const server: readonly string[] = serverErrorCodes;
      for (const code of deviceErrorCodes) expect(server).not.toContain(code);
    });

    it("device codes (the SDK's and the CLI's, admin side too) are no server codes and have no HTTP status", () => {
      const device: readonly string[] = deviceErrorCodes;
      for (const code of [...sdkErrorCodes, ...deviceCliErrorCodes]) {
        expect(device).toContain(code);
        expect(isServerErrorCode(code)).toBe(false);
      }
      for (const code of serverErrorCodes) expect(isServerErrorCode(code)).toBe(true);
      // @ts-expect-error: a device code has no HTTP status, so httpStatus does not take one.
      expect(httpStatus("NO_TOKEN")).toBeUndefined();
      // @ts-expect-error: neither has the SDK's.
      expect(httpStatus("LEASE_EXPIRED")).toBeUndefined();
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

    it("words a reason in the reader's locale, its groups as a list by the locale's rule", () => {
      const params = { reason: reason("KEY_TYPO", { count: 2, groups: [2, 4] }) };
      expect(describeProblem("KEY_MALFORMED", "en", params).message).toBe(
        "The product key is not valid: groups 2 and 4 have a typo",
      );
      expect(describeProblem("KEY_MALFORMED", "ja", params).message).toBe(
        "プロダクトキーが正しくありません: グループ 2、4 に入力ミスがあります",
      );
      const one = { reason: reason("KEY_TYPO", { count: 1, groups: [3] }) };
      expect(describeProblem("KEY_MALFORMED", "en", one).message).toBe(
        "The product key is not valid: group 3 has a typo",
      );
    });

    it("words a sentence that depends on a condition with select (CLOCK_SKEW)", () => {
      const params = { skew: "2 hours", direction: "ahead", signed: "yes" };
      expect(describeProblem("CLOCK_SKEW", "en", params)).toEqual({
        message: "The system clock is 2 hours ahead of the server's signed time.",
        remedy:
          "Turn on automatic time; a clock running ahead makes the lease look older than it is, and setting it back later is refused as a rollback until the app is online again.",
      });
      expect(describeProblem("CLOCK_SKEW", "ja", params).message).toBe(
        "システムの時計がサーバーの署名付き時刻より 2 hours 進んでいます。",
      );
      expect(
        describeProblem("CLOCK_SKEW", "en", { skew: "1 day", direction: "behind", signed: "no" }).message,
      ).toBe("The system clock is 1 day behind the server's HTTP (unsigned) time.");
    });

    it("fills every argument of every code, in message and remedy", () => {
      for (const code of errorCodes)
        for (const locale of locales) {
          const { message, remedy } = catalogue[code][locale];
          const template = `${message} ${remedy}`;
          const names = [...argumentNames(message), ...argumentNames(remedy)];
          // A plural takes a number; a select or plain argument a text (a select picks its "other" branch).
          const params = Object.fromEntries(
            names.map((name) => [name, template.includes(`{${name}, plural`) ? 7 : `<${name}>`]),
          );
          const text = describeProblem(code, locale, params);
          const plain = (n: string) =>
            !template.includes(`{${n}, select`) && !template.includes(`{${n}, plural`);
          for (const name of names.filter(plain))
            expect(`${text.message} ${text.remedy}`).toContain(`<${name}>`);
          expect(`${text.message} ${text.remedy}`).not.toMatch(/\{\w+\}/);
        }
    });

    it("every reason is valid ICU with the same arguments in English and Japanese, and is worded", () => {
      const table = (locale: Locale) =>
        Object.fromEntries(Object.entries(reasonTexts).map(([code, text]) => [code, text[locale]]));
      expect(tableMismatches({ en: table("en"), ja: table("ja") })).toEqual([]);
      for (const [code, text] of Object.entries(reasonTexts)) {
        expect(text.ja, code).toMatch(JAPANESE);
        expect(text.en, code).not.toMatch(JAPANESE);
      }
    });

    it("returns the catalogue text unchanged when there is nothing to fill", () => {
      expect(describeProblem("BODY_MALFORMED", "en")).toEqual(catalogue.BODY_MALFORMED.en);
      expect(describeProblem("BODY_MALFORMED", "ja", { unused: "x" })).toEqual(catalogue.BODY_MALFORMED.ja);
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
