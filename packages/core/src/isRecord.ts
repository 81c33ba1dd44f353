/**
 * Whether a value read from JSON (or anywhere untrusted) is a plain object whose fields may be looked at: not
 * `null`, not an array. The one such guard of the codebase; schemas in `@ninsho/contract` do the rest.
 *
 * @example
 * const body: unknown = JSON.parse(text);
 * if (isRecord(body) && typeof body.format === "string") console.log(body.format);
 */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
