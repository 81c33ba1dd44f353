import type { DeviceCliErrorCode, Locale, ProblemParams } from "@ninsho/core";
import type { Command, CommanderError } from "commander";
import { CliError } from "./admin/errors.js";
import { ExitCode } from "./admin/exit.js";
import { usageReason } from "./usageReason.js";

/** commander's own parse errors, by its error code, with what its (English) message tells. */
const PATTERNS: Readonly<
  Record<string, { code: DeviceCliErrorCode; pattern: RegExp; names: readonly string[] }>
> = {
  "commander.unknownCommand": {
    code: "USAGE_UNKNOWN_COMMAND",
    pattern: /unknown command '(.*)'/,
    names: ["name"],
  },
  "commander.unknownOption": {
    code: "USAGE_UNKNOWN_OPTION",
    pattern: /unknown option '(.*)'/,
    names: ["option"],
  },
  "commander.missingArgument": {
    code: "USAGE_MISSING_ARGUMENT",
    pattern: /missing required argument '(.*)'/,
    names: ["argument"],
  },
  "commander.optionMissingArgument": {
    code: "USAGE_OPTION_VALUE_MISSING",
    pattern: /option '(.*)' argument missing/,
    names: ["option"],
  },
  "commander.missingMandatoryOptionValue": {
    code: "USAGE_REQUIRED_OPTION",
    pattern: /required option '(.*)' not specified/,
    names: ["option"],
  },
  "commander.invalidArgument": {
    code: "USAGE_INVALID_VALUE",
    pattern:
      /(?:option '(.*)' argument '(.*)' is invalid\.|value '(.*)' is invalid for argument '(.*)'\.)\s*(.*)/s,
    names: ["target", "value", "value", "target", "reason"],
  },
  "commander.excessArguments": {
    code: "USAGE_EXCESS_ARGUMENTS",
    pattern: /Expected (\d+) arguments? but got (\d+)/,
    names: ["expected", "received"],
  },
  "commander.conflictingOption": {
    code: "USAGE_CONFLICTING_OPTIONS",
    pattern: /error: (.*) cannot be used with (.*)$/,
    names: ["option", "other"],
  },
};

/** `ninsho products list`: the path a user typed, for "run … --help". */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at !== null; at = at.parent) names.unshift(at.name());
  return names.join(" ");
}

/**
 * A commander parse error as a problem of the one catalogue (exit code 2), worded in the user's language;
 * undefined for what is no usage error (help, version) or a commander error this does not know.
 * @example
 * usageProblem(err, command, "ja"); // CliError USAGE_UNKNOWN_OPTION, "ninsho products list に --bogus というオプションはありません。"
 */
export function usageProblem(error: CommanderError, command: Command, locale: Locale): CliError | undefined {
  const known = PATTERNS[error.code];
  if (known === undefined) return undefined;
  const match = known.pattern.exec(error.message);
  if (match === null) return undefined;
  const params: Record<string, string | number> = {
    command: commandPath(command),
    suggestion: /\(Did you mean (?:one of )?(.*)\?\)/.exec(error.message)?.[1] ?? "none",
  };
  known.names.forEach((name, index) => {
    const value = match[index + 1];
    if (value !== undefined) params[name] = /^\d+$/.test(value) ? Number(value) : value.trim();
  });
  // An argument is shown as the help shows it (<id-or-key>); an option keeps its flags (--count <n>).
  for (const name of ["argument", "target"]) {
    const value = params[name];
    if (typeof value === "string" && /^[\w-]+$/.test(value)) params[name] = `<${value}>`;
  }
  // The parser's reason in the user's language ("Expected a whole number …"), as a sentence.
  if (typeof params.reason === "string") {
    params.reason = usageReason(params.reason, locale).replace(/^./, (c) => c.toUpperCase());
  }
  return CliError.of(ExitCode.usage, known.code, locale, params as ProblemParams);
}
