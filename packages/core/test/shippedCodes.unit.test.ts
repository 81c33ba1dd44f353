/**
 * The catalogue only grows: every code ever shipped stays (retired when nothing answers it), and a retired code
 * keeps its words, its HTTP status and a live successor, while nothing may produce it any more.
 */
import { describe, expect, it } from "vitest";
import {
  catalogue,
  describe as describeCode,
  errorCodes,
  fail,
  httpStatus,
  isRetiredErrorCode,
  isServerErrorCode,
  retiredErrorCodes,
} from "../src/index.js";
import { shippedErrorCodes } from "./support/shippedErrorCodes.js";

const retired = Object.entries(retiredErrorCodes);

describe("codes once shipped", () => {
  it("are all still in the catalogue: a code nothing answers is retired, never removed", () => {
    const known: ReadonlySet<string> = new Set(errorCodes);
    expect(shippedErrorCodes.filter((code) => !known.has(code))).toEqual([]);
  });

  it("include every code of the catalogue: a new code is appended to the frozen list as it ships", () => {
    const shipped: ReadonlySet<string> = new Set(shippedErrorCodes);
    expect(errorCodes.filter((code) => !shipped.has(code))).toEqual([]);
    expect(new Set(shippedErrorCodes).size).toBe(shippedErrorCodes.length);
  });
});

describe("retired codes", () => {
  it("TRANSFER_LIMIT_REACHED is retired in favour of TRANSFER_ALLOWANCE_EXHAUSTED", () => {
    expect(retiredErrorCodes).toEqual({ TRANSFER_LIMIT_REACHED: "TRANSFER_ALLOWANCE_EXHAUSTED" });
    expect(isRetiredErrorCode("TRANSFER_LIMIT_REACHED")).toBe(true);
    for (const other of ["TRANSFER_ALLOWANCE_EXHAUSTED", "KEY_NOT_FOUND", "", "toString", "__proto__"])
      expect(isRetiredErrorCode(other)).toBe(false);
  });

  it.each(retired)(
    "%s keeps its words and HTTP status, and its remedy names its live successor %s",
    (code, next) => {
      expect(isServerErrorCode(code)).toBe(true);
      if (!isServerErrorCode(code)) return;
      expect(httpStatus(code)).toBe(409);
      expect(isServerErrorCode(next)).toBe(true);
      expect(isRetiredErrorCode(next)).toBe(false);
      for (const locale of ["en", "ja"] as const) {
        expect(catalogue[code][locale].message.length).toBeGreaterThan(0);
        // Worded with the params a server of its time sent.
        const text = describeCode(code, locale, { used: 3, allowance: 3, nextAt: "2026-12-01" });
        expect(text.message).toContain("3");
        expect(text.remedy).toContain("2026-12-01");
        expect(text.remedy).toContain(next);
      }
    },
  );

  it("cannot be produced: fail takes no retired code", () => {
    // @ts-expect-error: a retired code is answered by nothing, so fail refuses it at compile time.
    const failed = fail("TRANSFER_LIMIT_REACHED");
    expect(failed.ok).toBe(false);
    // Its successor is live.
    expect(fail("TRANSFER_ALLOWANCE_EXHAUSTED").ok).toBe(false);
  });
});
