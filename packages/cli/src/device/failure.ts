import { describe, type ErrorCode, type Locale, type ProblemParams } from "@ninsho/core";
import type { ClientProblem } from "@ninsho/sdk";
import type { ErrorBody } from "../admin/errors.js";
import { type DeviceExitCodeValue, exitForProblem } from "./exit.js";

/**
 * A device command's failure: what to print (code, message, remedy, details) and the exit code it ends
 * with. Every code is the catalogue's, worded by `describe()` in @ninsho/core: the SDK's problems come worded,
 * and those the CLI finds itself (its arguments, files and the server's keys) are the catalogue's device codes.
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
   * A problem the CLI found itself (in its arguments, its files, the server's keys), worded by the catalogue.
   * @example
   * throw DeviceFailure.of(DeviceExitCode.usage, "NO_PRODUCT", locale);
   */
  static of(
    exitCode: DeviceExitCodeValue,
    code: ErrorCode,
    locale: Locale,
    params: ProblemParams = {},
  ): DeviceFailure {
    return new DeviceFailure(exitCode, { code, ...describe(code, locale, params) });
  }
}
