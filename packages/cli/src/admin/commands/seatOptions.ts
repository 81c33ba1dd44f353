import type { Policy, PolicyInput } from "@ninsho/contract";
import { type Channel, isSeatChannel, type Locale } from "@ninsho/core";
import { type Command, Option } from "commander";
import { wholeNumber } from "../../commands/local.js";
import { commandPath } from "../../usage.js";
import { refuse } from "../../usageReason.js";
import { formatDuration, parseDuration } from "../duration.js";
import { CliError } from "../errors.js";
import { ExitCode } from "../exit.js";
import type { LabelOf } from "../labels.js";

/** The bounds of `POST /v1/admin/policies` (packages/contract, admin.ts), checked before any request. */
const TIMEOUT = { min: 2, max: 7 * 86_400 } as const;
const OVERAGE_HOURS = { min: 1, max: 720 } as const;

/**
 * The seat options of `policies create`, as commander parsed them.
 * @example
 * const options: SeatOptions = { seats: 20, heartbeatTimeout: 120, overage: { percent: 10, hours: 24 } };
 */
export interface SeatOptions {
  seats?: number;
  heartbeatTimeout?: number;
  overage?: { percent: number; hours: number };
  borrowMaxDays?: number;
}

/**
 * A heartbeat timeout: a duration from 2 seconds to 7 days, in seconds.
 * @example
 * heartbeatTimeout("2m"); // 120
 */
export function heartbeatTimeout(text: string): number {
  const seconds = parseDuration(text);
  if (seconds === undefined || seconds < TIMEOUT.min || seconds > TIMEOUT.max) {
    const [min, max] = [formatDuration(TIMEOUT.min), formatDuration(TIMEOUT.max)];
    refuse("usage.reason.durationRange", { name: "--heartbeat-timeout", min, max });
  }
  return seconds;
}

/**
 * An overage: a share of the pool and the window it lasts, `10%/24h` (the window in whole hours, `1d` too).
 * @example
 * overage("10%/24h"); // { percent: 10, hours: 24 }
 */
export function overage(text: string): { percent: number; hours: number } {
  const match = /^\s*(\d{1,3})\s*%\s*\/\s*(\S+)\s*$/.exec(text);
  const percent = Number(match?.[1]);
  const seconds = parseDuration(match?.[2] ?? "");
  const hours = seconds === undefined ? Number.NaN : seconds / 3_600;
  const inRange = percent >= 1 && percent <= 100 && hours >= OVERAGE_HOURS.min && hours <= OVERAGE_HOURS.max;
  if (!Number.isInteger(percent) || !Number.isInteger(hours) || !inRange) refuse("usage.reason.overage");
  return { percent, hours };
}

/**
 * The seat options of `policies create` (floating and workload policies), new for each program built.
 * @example
 * adminCommand(policies, "create", "create a policy").addOption(seatOptions().seats);
 */
export const seatOptions = () => ({
  seats: new Option("--seats <n>", "floating/workload: seats in the pool").argParser(
    wholeNumber("--seats", 1, 1_000_000),
  ),
  heartbeatTimeout: new Option(
    "--heartbeat-timeout <duration>",
    "floating/workload: a seat not heartbeated this long is free again (e.g. 2m; default 5m, workloads 30s)",
  ).argParser(heartbeatTimeout),
  overage: new Option(
    "--overage <share/window>",
    "floating/workload: extra seats when full, e.g. 10%/24h",
  ).argParser(overage),
  borrowMaxDays: new Option(
    "--borrow-max-days <n>",
    "floating: the longest a seat may be borrowed offline",
  ).argParser(wholeNumber("--borrow-max-days", 1, 365)),
});

/**
 * The seat fields of the request body, or the usage problem of options that do not fit the channel (the
 * server would refuse them too, VALIDATION_FAILED, but without naming the options the user typed).
 * @example
 * const body = { ...policyInput(options), ...seatInput("floating", options, command, "en") };
 */
export function seatInput(
  channel: Channel,
  options: SeatOptions,
  command: Command,
  locale: Locale,
): Partial<PolicyInput> {
  const path = commandPath(command);
  const given = (
    [
      ["--seats <n>", options.seats],
      ["--heartbeat-timeout <duration>", options.heartbeatTimeout],
      ["--overage <share/window>", options.overage],
      ["--borrow-max-days <n>", options.borrowMaxDays],
    ] as const
  ).filter(([, value]) => value !== undefined);
  const conflict = (option: string) =>
    CliError.of(ExitCode.usage, "USAGE_CONFLICTING_OPTIONS", locale, {
      option,
      other: `--channel ${channel}`,
      command: path,
    });
  if (!isSeatChannel(channel)) {
    const first = given[0];
    if (first !== undefined) throw conflict(first[0]);
    return {};
  }
  if (options.seats === undefined) {
    const params = { command: `${path} --channel ${channel}`, option: "--seats <n>" };
    throw CliError.of(ExitCode.usage, "USAGE_REQUIRED_OPTION", locale, params);
  }
  if (options.borrowMaxDays !== undefined && channel !== "floating") throw conflict("--borrow-max-days <n>");
  return {
    seats: options.seats,
    ...(options.heartbeatTimeout === undefined ? {} : { heartbeatTimeoutSeconds: options.heartbeatTimeout }),
    ...(options.overage === undefined ? {} : { overage: options.overage }),
    ...(options.borrowMaxDays === undefined ? {} : { borrowMaxDays: options.borrowMaxDays }),
  };
}

/**
 * A seat policy's fields for `policies show`, none for a device policy.
 * @example
 * seatFields(policy, label); // [["Seats", "20"], ["Heartbeat timeout", "2m"], …]
 */
export function seatFields(policy: Policy, label: LabelOf): [string, string][] {
  if (policy.seats === undefined) return [];
  const overageText =
    policy.overage === undefined
      ? label("none")
      : `${policy.overage.percent}%/${formatDuration(policy.overage.hours * 3_600)}`;
  return [
    [label("seats"), String(policy.seats)],
    [label("heartbeatTimeout"), formatDuration(policy.heartbeatTimeoutSeconds ?? 0)],
    [label("overage"), overageText],
    ...(policy.channel === "floating"
      ? [
          [
            label("borrowMaxDays"),
            policy.borrowMaxDays === undefined
              ? label("none")
              : formatDuration(policy.borrowMaxDays * 86_400),
          ] as [string, string],
        ]
      : []),
  ];
}
