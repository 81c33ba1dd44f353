import type { ErrorCode, LiveErrorCode } from "./errors/codes.js";
import type { ProblemParams } from "./errors/text.js";

/**
 * An expected failure, carried as a value until the edge turns it into an HTTP answer or an exit code.
 * `params` fill the placeholders of the catalogue's message; `details` travel to the client as they are.
 */
export interface Problem {
  /** Stable code from the closed catalogue in `errors/codes.ts`. */
  readonly code: ErrorCode;
  /** Values substituted into the message and remedy templates, e.g. `{ groups: "2" }`. */
  readonly params?: ProblemParams;
  /** Structured facts a client can act on (the devices of a full license, the explanation of a match). */
  readonly details?: unknown;
}

export type Result<T, E = Problem> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });

/** A failure with a code that is not retired: nothing answers those (`retiredErrorCodes`). */
export const fail = (
  code: LiveErrorCode,
  params?: Problem["params"],
  details?: unknown,
): { readonly ok: false; readonly error: Problem } => ({
  ok: false,
  error: {
    code,
    ...(params === undefined ? {} : { params }),
    ...(details === undefined ? {} : { details }),
  },
});
