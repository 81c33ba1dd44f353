import type { ClientProblem } from "./problem.js";
import type { ClientStatus } from "./types.js";

/**
 * The result of an operation: `ok` with what it produced, or the problem (code, message, remedy, details),
 * and in both cases the status after it.
 *
 * @example
 * const result = await client.activate();
 * if (!result.ok && result.problem.code === "DEVICE_LIMIT_REACHED") showDevices(result.problem.details);
 */
export type ClientResult<T extends object = object> =
  | ({ readonly ok: true; readonly status: ClientStatus } & T)
  | { readonly ok: false; readonly problem: ClientProblem; readonly status: ClientStatus };
