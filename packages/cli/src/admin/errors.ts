import type { ApiError } from "@ninsho/contract";
import { describe as describeProblem, type ErrorCode, type Locale, type ProblemParams } from "@ninsho/core";
import { CommanderError } from "commander";
import { palette } from "../terminal/colour.js";
import { ExitCode, type ExitCodeValue, ExitError } from "./exit.js";
import { type Io, line } from "./io.js";
import { messagesFor } from "./messages.js";

/**
 * An error as the API writes it (`{error: {…}}`), and as the CLI writes its own problems (codes of the same
 * catalogue).
 * @example
 * const body: ErrorBody = { code: "NO_TOKEN", message: "No admin token was given.", remedy: "Pass --token." };
 */
export type ErrorBody = Omit<ApiError, "docs"> & { readonly docs?: string };

/**
 * A failure to report: what to print (code, message, remedy) and the exit code it ends with.
 * `status` is the HTTP status when the API answered.
 * @example
 * throw CliError.of(ExitCode.usage, "NO_TOKEN", "en");
 */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCodeValue,
    readonly body: ErrorBody,
    readonly status?: number,
  ) {
    super(`${body.code}: ${body.message}`);
  }

  /**
   * A problem the CLI found itself, worded by the core catalogue (`describe()`) in the user's language;
   * `details` are for `--json` (a network failure's cause, an answer's HTTP status).
   * @example
   * CliError.of(ExitCode.usage, "EXTEND_CHOICE", "ja");
   * CliError.of(ExitCode.failure, "OUTPUT_FAILED", "en", { path: "keys.csv", cause: "EACCES" });
   */
  static of(
    exitCode: ExitCodeValue,
    code: ErrorCode,
    locale: Locale,
    params: ProblemParams = {},
    extra: { readonly details?: unknown; readonly status?: number } = {},
  ): CliError {
    const text = describeProblem(code, locale, params);
    const details = extra.details === undefined ? {} : { details: extra.details };
    return new CliError(exitCode, { code, ...text, ...details }, extra.status);
  }
}

/**
 * Print a failure on stderr — code, message and remedy in the user's language, or `{"error": {…}}` with
 * `--json` — and turn it into the `ExitError` that ends the process with its exit code. Commander's own
 * exits pass through untouched; anything else is reported as unexpected (exit 1).
 * @example
 * try { await work(); } catch (error) { throw report(io, "en", false, error); }
 */
export function report(io: Io, locale: Locale, json: boolean, error: unknown): CommanderError {
  if (error instanceof CommanderError) return error;
  const failure =
    error instanceof CliError
      ? error
      : CliError.of(ExitCode.failure, "UNEXPECTED", locale, { cause: describe(error) });
  if (json) {
    line(io.stderr, JSON.stringify({ error: failure.body }));
  } else {
    const m = messagesFor(locale);
    const { red } = palette(io.stderr, io.env);
    line(io.stderr, `${red(`${m.error} ${failure.body.code}`)}: ${failure.body.message}`);
    line(io.stderr, `${m.remedy}: ${failure.body.remedy}`);
    if (failure.body.docs !== undefined) line(io.stderr, `${m.docs}: ${failure.body.docs}`);
  }
  return new ExitError(failure.exitCode);
}

const describe = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);
