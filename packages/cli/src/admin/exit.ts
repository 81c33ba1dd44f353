import { CommanderError } from "commander";

/**
 * What `ninsho` admin commands exit with. Scripts may rely on these numbers; they never change meaning.
 * @example
 * if (status >= 500) throw new ExitError(ExitCode.serverError);
 */
export const ExitCode = {
  /** Done. */
  ok: 0,
  /** Anything else: a local file could not be written, or a bug in the CLI. */
  failure: 1,
  /** Bad arguments or input caught before any request (a missing option, a mistyped key, no token). */
  usage: 2,
  /** The API refused the request (a 4xx answer: not found, not allowed, conflicting state, rate limited). */
  refused: 3,
  /** The server could not be reached (connection refused, DNS, timeout) or the connection broke. */
  unreachable: 4,
  /** The server failed (a 5xx answer, or an answer that is not the Ninsho API's). */
  serverError: 5,
  /** Interrupted (Ctrl-C or SIGTERM) while generating keys; the keys received are kept. */
  interrupted: 130,
} as const;

/**
 * One of the exit codes in `ExitCode`.
 * @example
 * const code: ExitCodeValue = ExitCode.refused;
 */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * Thrown once the outcome has been reported to the user: the process should end with `exitCode` and print
 * nothing more. It is a `CommanderError`, so `main.ts` treats it like commander's own exits.
 * @example
 * throw new ExitError(ExitCode.usage);
 */
export class ExitError extends CommanderError {
  constructor(exitCode: number) {
    super(exitCode, "ninsho.exit", `exit ${exitCode}`);
  }
}

/**
 * The exit codes, for the end of every admin command's help.
 * @example
 * command.addHelpText("after", exitCodesHelp());
 */
export const exitCodesHelp = (title = "Exit codes:") => `
${title}
  0  done
  1  other failure (e.g. the --out file cannot be written)
  2  usage: bad arguments or input, caught before any request (e.g. a mistyped key, no token)
  3  the API refused the request (4xx: not found, forbidden, conflicting state, rate limited)
  4  the server could not be reached, or the connection broke
  5  the server failed (5xx, or an answer that is not the Ninsho API's)
  130  interrupted (Ctrl-C) while generating keys; the complete lines received are kept
Errors print their code, message and remedy on stderr (as JSON with --json), in Japanese when
LC_ALL, LC_MESSAGES or LANG starts with "ja".`;
