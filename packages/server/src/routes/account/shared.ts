import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Refusal } from "../../accounts/counters.js";
import { requireSession, sameOrigin } from "../../accounts/session.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";

type Config = Omit<RouteConfig, "middleware" | "security" | "tags">;

/**
 * A route of the signed-in account: the CSRF check, then a live session (401 SIGN_IN_REQUIRED without one).
 * There is no way to declare an account route without both.
 */
export const accountRoute = <R extends Config>(deps: ServerDeps, config: R) =>
  createRoute({
    ...config,
    tags: ["account"],
    security: [{ session: [] }],
    description:
      `${config.description ?? ""} Requires a session cookie; a request that changes something must come from this server's origin.`.trim(),
    middleware: [sameOrigin(deps), requireSession(deps)] as const,
  });

/** A route of the account flows before a session exists (sign-up, sign-in, reset): the CSRF check only. */
export const accountEntryRoute = <R extends Config>(deps: ServerDeps, config: R) =>
  createRoute({
    ...config,
    tags: ["account"],
    middleware: [sameOrigin(deps)] as const,
  });

/** Answer a sign-in refusal, with Retry-After when it is a lock or a throttle. */
export const respondRefusal = (c: Context<AppEnv>, refusal: Refusal) => {
  const { retryAfter, ...problem } = refusal;
  return respondProblem(c, problem, retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) });
};
