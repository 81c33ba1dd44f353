import type { Problem, Result } from "@ninsho/core";
import type { Context } from "hono";
import type { ServerDeps } from "../deps.js";
import type { AppEnv } from "./env.js";
import { NinshoError } from "./problem.js";

const GUESSING_CODES: ReadonlySet<Problem["code"]> = new Set([
  "KEY_MALFORMED",
  "KEY_NOT_FOUND",
  "INSTALLATION_ID_MALFORMED",
  "INSTALLATION_ID_NOT_FOUND",
  "OFFLINE_FILE_INVALID",
]);

/**
 * Run a key lookup under the guessing limits: refused with 429 and Retry-After while the client (or the whole
 * server) is over its failed-lookup allowance; a failed lookup counts against both.
 */
export async function guardKeyLookup<T>(
  deps: ServerDeps,
  c: Context<AppEnv>,
  work: () => Promise<Result<T>>,
): Promise<Result<T>> {
  const ip = c.get("clientIp");
  const retryAfter = await deps.limits.keyGuessingRetryAfter(ip);
  if (retryAfter !== undefined) {
    throw new NinshoError(
      { code: "RATE_LIMITED", params: { retryAfter } },
      { "Retry-After": String(retryAfter) },
    );
  }
  const result = await work();
  if (!result.ok && GUESSING_CODES.has(result.error.code)) await deps.limits.recordFailedKey(ip);
  return result;
}
