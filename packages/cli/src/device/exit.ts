import type { ErrorCode } from "@ninsho/core";
import { ExitCode } from "../admin/exit.js";

/**
 * What `ninsho device` commands exit with: the admin side's codes (0–5, same meanings) and three of the
 * device's own. Scripts may rely on these numbers; they never change meaning.
 * @example
 * process.exitCode = status.valid ? DeviceExitCode.ok : DeviceExitCode.notLicensed;
 */
export const DeviceExitCode = {
  ok: ExitCode.ok,
  failure: ExitCode.failure,
  usage: ExitCode.usage,
  refused: ExitCode.refused,
  unreachable: ExitCode.unreachable,
  serverError: ExitCode.serverError,
  /** The app may not run on this machine now: no key, not activated, lease and grace over, or a signed "no". */
  notLicensed: 6,
  /** The state folder or the clock cannot be trusted: a damaged or altered file, or a clock set back. */
  localState: 7,
  /** `doctor` found at least one failing check; its numbered remedies say what to do. */
  problemsFound: 8,
} as const;

/**
 * One of the exit codes in `DeviceExitCode`.
 * @example
 * const code: DeviceExitCodeValue = DeviceExitCode.localState;
 */
export type DeviceExitCodeValue = (typeof DeviceExitCode)[keyof typeof DeviceExitCode];

const LOCAL_STATE: ReadonlySet<string> = new Set([
  "STATE_CORRUPT",
  "STATE_TAMPERED",
  "STATE_UNCONFIRMED",
  "CLOCK_ROLLBACK",
]);
const NOT_LICENSED: ReadonlySet<string> = new Set(["KEY_NOT_INSTALLED", "NOT_ACTIVATED", "LEASE_EXPIRED"]);
const UNREACHABLE: ReadonlySet<string> = new Set(["SERVER_UNREACHABLE", "SERVER_TIMEOUT"]);
const SERVER_FAULT: ReadonlySet<string> = new Set([
  "SERVER_ERROR",
  "RESPONSE_INVALID",
  "RESPONSE_SIGNATURE_INVALID",
  "INTERNAL_ERROR",
  "SERVICE_UNAVAILABLE",
  "SERVER_BUSY",
]);

/** Typos in what a person typed, caught before anything is sent or verified. */
const USAGE: ReadonlySet<string> = new Set(["KEY_MALFORMED", "CONFIRMATION_ID_MALFORMED"]);

/**
 * The exit code of a command that failed with a problem of the catalogue: a typo (in a key or a confirmation
 * ID) is usage (2), a server's refusal or signed "no" is 3, a fault of the network 4, of the server (or an
 * answer that is not genuine) 5, nothing to work with 6, an untrustworthy state folder or clock 7.
 * @example
 * exitForProblem("DEVICE_LIMIT_REACHED"); // 3
 * exitForProblem("CONFIRMATION_ID_MALFORMED"); // 2
 * exitForProblem("STATE_TAMPERED"); // 7
 */
export function exitForProblem(code: ErrorCode): DeviceExitCodeValue {
  if (USAGE.has(code)) return DeviceExitCode.usage;
  if (LOCAL_STATE.has(code)) return DeviceExitCode.localState;
  if (NOT_LICENSED.has(code)) return DeviceExitCode.notLicensed;
  if (UNREACHABLE.has(code)) return DeviceExitCode.unreachable;
  if (SERVER_FAULT.has(code)) return DeviceExitCode.serverError;
  return DeviceExitCode.refused;
}

/**
 * The exit code of `status` and `expiry`: 0 when the app may run, 7 when the state folder or the clock cannot
 * be trusted, 6 for every other reason it may not.
 * @example
 * exitForState({ valid: false, code: "CLOCK_ROLLBACK" }); // 7
 */
export function exitForState(status: {
  readonly valid: boolean;
  readonly code?: ErrorCode;
}): DeviceExitCodeValue {
  if (status.valid) return DeviceExitCode.ok;
  return status.code !== undefined && LOCAL_STATE.has(status.code)
    ? DeviceExitCode.localState
    : DeviceExitCode.notLicensed;
}

/**
 * The exit codes, for the end of every device command's help.
 * @example
 * command.addHelpText("after", deviceExitCodesHelp());
 */
export const deviceExitCodesHelp = () => `
Exit codes (see docs/cli.md, "Device commands"):
  0  done; for status and expiry: the app may run (active, or on grace)
  1  other failure (a state folder or --out file that cannot be written, a bug in the CLI)
  2  usage: bad arguments or input caught before any request (a mistyped key or confirmation ID, no --product)
  3  the server refused, or its signed answer says no (device limit, revoked, transfer allowance used)
  4  the server could not be reached, or did not answer in time
  5  the server failed (5xx), or its answer is not genuine (not signed by the product's key)
  6  not licensed: no key, not activated, lease and grace over, or a signed verdict against this machine
  7  the state folder was damaged or altered, or the clock was set back
  8  doctor: at least one check failed (see its numbered remedies)
Errors print their code, message and remedy on stderr (as JSON with --json), in Japanese when
LC_ALL, LC_MESSAGES or LANG starts with "ja".`;
