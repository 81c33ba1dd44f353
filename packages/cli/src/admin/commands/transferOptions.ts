import type { Policy } from "@ninsho/contract";
import type { Locale } from "@ninsho/core";
import { type Command, Option } from "commander";
import { commandPath } from "../../usage.js";
import { refuse } from "../../usageReason.js";
import { formatDuration, parseDuration } from "../duration.js";
import { CliError } from "../errors.js";
import { ExitCode } from "../exit.js";
import type { LabelOf } from "../labels.js";

/** The bounds the server takes (the policy's contract): refused here first, in the user's language. */
const MAX_TRANSFERS_PER_YEAR = 1000;
const MAX_COOLDOWN_SECONDS = 365 * 86_400;

/**
 * Self-service transfers allowed in any 365 days: 0 to 1000 (0: only support moves licenses).
 * @example
 * transfersPerYear("3"); // 3
 */
export function transfersPerYear(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value > MAX_TRANSFERS_PER_YEAR) {
    refuse("usage.reason.range", { name: "--transfers-per-year", min: 0, max: MAX_TRANSFERS_PER_YEAR });
  }
  return value;
}

/**
 * The wait after a self-service transfer before the next one: `0` or a duration up to 365 days, in seconds.
 * @example
 * transferCooldown("30d"); // 2592000
 */
export function transferCooldown(text: string): number {
  const seconds = parseDuration(text);
  if (seconds === undefined || seconds > MAX_COOLDOWN_SECONDS) {
    const max = formatDuration(MAX_COOLDOWN_SECONDS);
    refuse("usage.reason.durationRange", { name: "--transfer-cooldown", min: "0", max });
  }
  return seconds;
}

/** What the transfer options gave, parsed. */
export interface TransferOptions {
  /** `--transfer` / `--no-transfer`; undefined when neither was given. */
  transfer?: boolean;
  transfersPerYear?: number;
  transferCooldown?: number;
}

/**
 * The options of a policy's transfer allowance, for `policies create` and `policies update`.
 * @example
 * const transfer = transferOptions();
 * command.addOption(transfer.allow).addOption(transfer.forbid).addOption(transfer.perYear).addOption(transfer.cooldown);
 */
export function transferOptions(): { allow: Option; forbid: Option; perYear: Option; cooldown: Option } {
  return {
    // Both forms declared: neither given leaves the field out (commander sets no default then).
    allow: new Option("--transfer", "licenses may move to another machine in self-service (the default)"),
    forbid: new Option("--no-transfer", "licenses may not move to another machine in self-service"),
    perYear: new Option(
      "--transfers-per-year <n>",
      "self-service transfers allowed in any 365 days (0 to 1000)",
    ).argParser(transfersPerYear),
    cooldown: new Option(
      "--transfer-cooldown <duration>",
      "wait after a transfer before the next (e.g. 30d, or 0)",
    ).argParser(transferCooldown),
  };
}

/**
 * The request fields of the transfer options; an allowance above 0 given with `--no-transfer` is refused
 * (USAGE_CONFLICTING_OPTIONS): it would never be used, and the admin most likely meant something else.
 * @example
 * const body = { ...rest, ...transferInput(options, command, "en") };
 */
export function transferInput(
  options: TransferOptions,
  command: Command,
  locale: Locale,
): { transferable?: boolean; transfersPerYear?: number; transferCooldownSeconds?: number } {
  if (options.transfer === false) {
    // 0 agrees with --no-transfer; an allowance above it would never be used.
    const option =
      (options.transfersPerYear ?? 0) > 0
        ? "--transfers-per-year <n>"
        : (options.transferCooldown ?? 0) > 0
          ? "--transfer-cooldown <duration>"
          : undefined;
    if (option !== undefined) {
      const params = { option, other: "--no-transfer", command: commandPath(command) };
      throw CliError.of(ExitCode.usage, "USAGE_CONFLICTING_OPTIONS", locale, params);
    }
  }
  return {
    ...(options.transfer === undefined ? {} : { transferable: options.transfer }),
    ...(options.transfersPerYear === undefined ? {} : { transfersPerYear: options.transfersPerYear }),
    ...(options.transferCooldown === undefined ? {} : { transferCooldownSeconds: options.transferCooldown }),
  };
}

/**
 * The transfer lines of `printPolicy`.
 * @example
 * fields([...transferFields(policy, label)]);
 */
export function transferFields(policy: Policy, label: LabelOf): [string, string][] {
  return [
    [label("transferable"), policy.transferable ? label("yes") : label("no")],
    [label("transfersPerYear"), String(policy.transfersPerYear)],
    [label("transferCooldown"), formatDuration(policy.transferCooldownSeconds ?? 0)],
  ];
}
