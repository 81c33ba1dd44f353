import type { ErrorBody } from "@ninsho/contract";
import {
  describe,
  type ErrorStatus,
  httpStatus,
  isServerErrorCode,
  type Locale,
  type Problem,
} from "@ninsho/core";

/** The JSON body of every error answer, as the contract describes it. */
export type { ErrorBody };

/** Turn a problem into its answer: status from the exhaustive map, words in the reader's language. */
export function problemBody(problem: Problem, locale: Locale): ErrorBody {
  const { message, remedy } = describe(problem.code, locale, problem.params);
  return {
    error: {
      code: problem.code,
      message,
      remedy,
      docs: `/docs/errors#${problem.code}`,
      ...(problem.details === undefined ? {} : { details: problem.details }),
    },
  };
}

/**
 * The status of a problem's answer. Only server codes have one; a device code (the SDK's or the CLI's) reaching
 * an HTTP answer is a bug of the server, answered as one: 500.
 */
export const problemStatus = (problem: Problem): ErrorStatus =>
  isServerErrorCode(problem.code) ? httpStatus(problem.code) : 500;

/**
 * The one error type that may be thrown inside the server, for failures found deep in middleware (a body too
 * large, a missing token). Expected failures in services travel as `Result` values instead.
 */
export class NinshoError extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(problem.code);
    this.name = "NinshoError";
  }
}
