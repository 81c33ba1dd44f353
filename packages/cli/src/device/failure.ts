import type { ErrorCode, LocalizedText } from "@ninsho/core";
import type { ClientProblem } from "@ninsho/sdk";
import type { ErrorBody } from "../admin/errors.js";
import { type DeviceExitCodeValue, exitForProblem } from "./exit.js";

/**
 * A device command's failure: what to print (code, message, remedy, details) and the exit code it ends
 * with. Problems of the SDK carry the catalogue's words (`describe()` in @ninsho/core); problems the CLI finds
 * in its own arguments carry the CLI's words (`messages/`), like the admin side's.
 * @example
 * throw DeviceFailure.problem(result.problem); // e.g. DEVICE_LIMIT_REACHED, exit 3
 */
export class DeviceFailure extends Error {
  constructor(
    readonly exitCode: DeviceExitCodeValue,
    readonly body: ErrorBody,
  ) {
    super(`${body.code}: ${body.message}`);
  }

  /**
   * A problem the SDK reported, with the exit code its code stands for.
   * @example
   * if (!result.ok) throw DeviceFailure.problem(result.problem);
   */
  static problem(problem: ClientProblem): DeviceFailure {
    return new DeviceFailure(exitForProblem(problem.code), {
      code: problem.code,
      message: problem.message,
      remedy: problem.remedy,
      ...(problem.details === undefined ? {} : { details: problem.details }),
    });
  }

  /**
   * A problem the CLI found itself, worded by `messages/`.
   * @example
   * throw DeviceFailure.own(DeviceExitCode.usage, "NO_PRODUCT", m.problems.NO_PRODUCT());
   */
  static own(exitCode: DeviceExitCodeValue, code: DeviceOwnCode, text: LocalizedText): DeviceFailure {
    return new DeviceFailure(exitCode, { code, message: text.message, remedy: text.remedy });
  }
}

/**
 * The codes the device commands report beside the catalogue's: problems in the CLI's own arguments and
 * files, and the doctor's findings that are not errors of the SDK.
 * @example
 * const code: DeviceOwnCode = "NO_TRUSTED_KEYS";
 */
export type DeviceOwnCode =
  | "NO_PRODUCT"
  | "BAD_URL"
  | "BAD_PUBLIC_KEY"
  | "NO_TRUSTED_KEYS"
  | "TLS_FAILED"
  | "BAD_DEVICE_NOW"
  | "BAD_FINGERPRINT_FILE";

/**
 * A code of either kind, as a doctor's finding names it.
 * @example
 * const code: FindingCode = "CLOCK_SKEW";
 */
export type FindingCode =
  | ErrorCode
  | DeviceOwnCode
  | "NO_TLS"
  | "KEYS_MISMATCH"
  | "KEYS_ROTATED"
  | "CLOCK_SKEW"
  | "LEASE_GRACE"
  | "FINGERPRINT_DRIFT"
  | "FINGERPRINT_UNREADABLE";
