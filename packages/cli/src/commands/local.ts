import { join, resolve } from "node:path";
import { describe, type ErrorCode, type ProblemParams } from "@ninsho/core";
import { ExitCode, type ExitCodeValue, ExitError } from "../admin/exit.js";
import { type Io, line } from "../admin/io.js";
import { detectLocale } from "../admin/locale.js";
import { refuse } from "../usageReason.js";

/** Where the server's data lives, as `serve`, `migrate`, `backup` and `restore` all resolve it. */
export interface DataLocation {
  /** The data folder (SQLite file and `master.key`). */
  readonly dataDir: string;
  /** `postgres://…`, or the SQLite file in the data folder. */
  readonly databaseUrl: string;
  readonly postgres: boolean;
}

/**
 * `--database-url`, else `DATABASE_URL`, else `<data>/ninsho.db`.
 * @example
 * const where = dataLocation(io, "./data", undefined); // { databaseUrl: "/abs/data/ninsho.db", postgres: false, … }
 */
export function dataLocation(io: Io, data: string, databaseUrl: string | undefined): DataLocation {
  const dataDir = resolve(data);
  const url = databaseUrl || io.env.DATABASE_URL || join(dataDir, "ninsho.db"); // empty means unset
  return { dataDir, databaseUrl: url, postgres: /^postgres(ql)?:\/\//i.test(url) };
}

/**
 * Run a command that works on this machine's data (not through the API): a failure prints
 * `ninsho <command>: <message>` on stderr and ends with exit code 1 (`usage` for a `UsageProblem`).
 * @example
 * await runLocal(io, "migrate", async () => { … });
 */
export async function runLocal(io: Io, command: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof ExitError) throw error;
    if (error instanceof UsageProblem) {
      const { message, remedy } = describe(error.code, detectLocale(io.env), error.params);
      line(io.stderr, `ninsho ${command}: ${message} (${error.code})`);
      line(io.stderr, `  ${remedy}`);
      throw new ExitError(error.exit);
    }
    const message = error instanceof Error ? error.message : String(error);
    line(io.stderr, `ninsho ${command}: ${message}`);
    throw new ExitError(ExitCode.failure);
  }
}

/**
 * A problem with how the command was called, caught before doing anything (exit code 2), or a failure it found
 * (exit 1, e.g. a master key that does not open the backup): a code of the one catalogue, worded in the
 * operator's language when printed.
 * @example
 * throw new UsageProblem("BACKUP_NOT_FOUND", { path: "/backups/x.db" });
 */
export class UsageProblem extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ProblemParams = {},
    /** The exit code: `usage` (2) for how the command was called, `failure` (1) for what it found. */
    readonly exit: ExitCodeValue = ExitCode.usage,
  ) {
    super(code);
  }
}

/**
 * A whole number option in a range, for commander.
 * @example
 * .option("--workers <n>", "server processes", wholeNumber("--workers", 1, 64), 1)
 */
export const wholeNumber =
  (name: string, min: number, max: number) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      refuse("usage.reason.range", { name, min, max });
    }
    return n;
  };
