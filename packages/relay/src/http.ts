import {
  describe,
  httpStatus,
  isServerErrorCode,
  type Locale,
  type Problem,
  type Result,
} from "@ninsho/core";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type * as z from "zod";

/**
 * The reader's language from Accept-Language (or `?lang=`): Japanese when they ask for it, English otherwise.
 * @example
 * const locale = localeOf(c);
 */
export function localeOf(c: Context): Locale {
  const asked = c.req.query("lang") ?? c.req.header("accept-language") ?? "";
  return /^\s*ja\b/i.test(asked) ? "ja" : "en";
}

/**
 * Answer a problem as the vendor's server does: `{error: {code, message, remedy, docs}}`, the status from the
 * one catalogue, the words in the reader's language.
 * @example
 * return respondProblem(c, { code: "RELAY_GRANT_FULL", params });
 */
export function respondProblem(c: Context, problem: Problem) {
  const { message, remedy } = describe(problem.code, localeOf(c), problem.params);
  const status = (isServerErrorCode(problem.code) ? httpStatus(problem.code) : 500) as ContentfulStatusCode;
  return c.json(
    {
      error: {
        code: problem.code,
        message,
        remedy,
        docs: `/docs/errors#${problem.code}`,
        ...(problem.details === undefined ? {} : { details: problem.details }),
      },
    },
    status,
  );
}

/**
 * A JSON body checked against a contract schema: BODY_MALFORMED when it is not JSON, VALIDATION_FAILED (with the
 * fields named) when it does not match.
 * @example
 * const body = await readBody(c, RelayRenewalRequestSchema);
 */
export async function readBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<Result<z.infer<S> & Record<string, unknown>>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { ok: false, error: { code: "BODY_MALFORMED" } };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
    return { ok: false, error: { code: "VALIDATION_FAILED", params: { issues } } };
  }
  // The proof covers the body as sent: the parsed object keeps every field of the strict schema.
  return { ok: true, value: parsed.data as z.infer<S> & Record<string, unknown> };
}
