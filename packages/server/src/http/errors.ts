import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "pino";
import type { AppEnv } from "./env.js";
import { NinshoError } from "./problem.js";
import { respondProblem } from "./respond.js";

/**
 * The last line: whatever was thrown becomes an answer with a code. Our own error carries its problem;
 * Hono's 400 for unparseable JSON becomes BODY_MALFORMED; anything else is a bug, logged with the request id
 * and answered as INTERNAL_ERROR without a stack trace.
 */
export const onError = (logger: Logger) => (error: Error, c: Context<AppEnv>) => {
  if (error instanceof NinshoError) return respondProblem(c, error.problem, { ...error.headers });
  if (error instanceof HTTPException && error.status === 400)
    return respondProblem(c, { code: "BODY_MALFORMED" });
  const requestId = c.get("requestId") ?? "unknown";
  logger.error({ err: error, requestId, method: c.req.method, path: c.req.path }, "unhandled error");
  return respondProblem(c, { code: "INTERNAL_ERROR", params: { requestId } });
};

export const notFound = (c: Context<AppEnv>) =>
  respondProblem(c, { code: "ROUTE_NOT_FOUND", params: { method: c.req.method, path: c.req.path } });
