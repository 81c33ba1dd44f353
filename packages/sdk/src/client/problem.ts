import { describe, type ErrorCode, type Locale, type ProblemParams } from "@ninsho/core";

/**
 * A problem as the SDK reports it: a code from the one catalogue, what went wrong and what to do next in the
 * client's language, and the facts a program can act on (`details`, e.g. the devices holding a full license).
 *
 * @example
 * const result = await client.activate();
 * if (!result.ok) console.error(`${result.problem.code}: ${result.problem.message} ${result.problem.remedy}`);
 */
export interface ClientProblem {
  readonly code: ErrorCode;
  readonly message: string;
  readonly remedy: string;
  /** Values that filled the catalogue's placeholders, when the SDK knew them. */
  readonly params?: ProblemParams;
  /** Structured facts as the server or the SDK gave them. */
  readonly details?: unknown;
}

/**
 * What the SDK knows of a problem before wording it: the code, its params, its details and, for problems the
 * server worded, the server's own text (it has the params filled, which the SDK may not know).
 *
 * @example
 * const problem: ProblemSeed = { code: "SERVER_ERROR", params: { status: 503 } };
 * explain(problem, "ja").message; // "アクティベーションサーバーでエラーが発生しました（HTTP 503）。"
 */
export interface ProblemSeed {
  readonly code: ErrorCode;
  readonly params?: ProblemParams;
  readonly details?: unknown;
  readonly text?: { readonly locale: Locale; readonly message: string; readonly remedy: string };
}

/**
 * Word a problem in `locale`: the server's words when it wrote them in that language, else the catalogue's.
 *
 * @example
 * explain({ code: "SERVER_TIMEOUT", params: { seconds: 10 } }, "en").message;
 * // "The activation server did not answer within 10 seconds."
 */
export function explain(seed: ProblemSeed, locale: Locale): ClientProblem {
  const words =
    seed.text !== undefined && seed.text.locale === locale
      ? { message: seed.text.message, remedy: seed.text.remedy }
      : describe(seed.code, locale, seed.params);
  return {
    code: seed.code,
    message: words.message,
    remedy: words.remedy,
    ...(seed.params === undefined ? {} : { params: seed.params }),
    ...(seed.details === undefined ? {} : { details: seed.details }),
  };
}

/**
 * A seed with only what is defined (exactOptionalPropertyTypes forbids explicit `undefined`s).
 *
 * @example
 * seed("SERVER_UNREACHABLE", { url: "https://activation.example.com" }, { cause: "ECONNREFUSED" });
 */
export const seed = (code: ErrorCode, params?: ProblemParams, details?: unknown): ProblemSeed => ({
  code,
  ...(params === undefined ? {} : { params }),
  ...(details === undefined ? {} : { details }),
});
