import { isRetiredErrorCode, serverErrorCodes } from "@ninsho/core";
import { expect } from "vitest";
import { type Answer, errorOf } from "./http.js";

/** The codes an answer may carry: the server's, but the retired ones, which nothing answers any more. */
const codes: ReadonlySet<string> = new Set(serverErrorCodes.filter((code) => !isRetiredErrorCode(code)));

/** What no answer may ever contain: a stack frame, a source path, an exception's name. */
export const LEAKS = [
  /\n\s+at /,
  /node_modules/,
  /\.(ts|js):\d+/,
  /\b(TypeError|SyntaxError|RangeError|ReferenceError)\b/,
];

/**
 * An answer to bad input: under 500, no stack or exception name in it, and an error that is the catalogue's
 * (code, message, remedy, docs link).
 * @example
 * expectSafeError(await post(t.app, "/v1/activations", { key: 1 }), "a numeric key");
 */
export function expectSafeError(res: Answer, context: string): void {
  expect(res.status, `${context}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
  for (const leak of LEAKS) expect(res.text, context).not.toMatch(leak);
  if (res.status >= 400) {
    const error = errorOf(res);
    expect(codes.has(error.code), `${context}: ${error.code}`).toBe(true);
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.remedy.length).toBeGreaterThan(0);
    expect(error.docs).toBe(`/docs/errors#${error.code}`);
  }
}
