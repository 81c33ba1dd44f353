import type { OpenAPIHono } from "@hono/zod-openapi";
import { endSession } from "../../accounts/session.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { errorResponses } from "../../schemas/openapi.js";
import { accountRoute } from "./shared.js";

export function registerSignOut(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = accountRoute(deps, {
    method: "delete",
    path: "/v1/sessions/current",
    summary: "Sign out: end this session and clear its cookie",
    responses: { 204: { description: "Signed out" }, ...errorResponses(401, 403) },
  });
  app.openapi(route, async (c) => {
    await endSession(deps, c);
    return c.body(null, 204);
  });
}
