import type { OpenAPIHono } from "@hono/zod-openapi";
import { AccountSchema } from "@ninsho/contract";
import { accountView } from "../../accounts/view.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { errorResponses, jsonResponse } from "../../schemas/openapi.js";
import { accountRoute } from "./shared.js";

export function registerMe(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = accountRoute(deps, {
    method: "get",
    path: "/v1/me",
    summary: "The signed-in account",
    responses: { 200: jsonResponse(AccountSchema, "The account"), ...errorResponses(401) },
  });
  app.openapi(route, (c) => c.json(accountView(c.get("account")), 200));
}
