import type { OpenAPIHono } from "@hono/zod-openapi";
import { RecoveryCodesSchema, TotpCodeSchema } from "@ninsho/contract";
import { confirmTotp } from "../../accounts/totp.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { accountRoute } from "./shared.js";

export function registerTotpConfirm(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = accountRoute(deps, {
    method: "post",
    path: "/v1/me/totp/confirm",
    summary: "Turn two-step sign-in on with a code from the app; ten recovery codes are shown once",
    request: { body: jsonBody(TotpCodeSchema, "A current code from the app") },
    responses: {
      200: jsonResponse(RecoveryCodesSchema, "Two-step sign-in is on"),
      ...errorResponses(400, 401, 403, 409, 413, 415),
    },
  });
  app.openapi(route, async (c) => {
    const done = await confirmTotp(deps, c.get("account"), c.req.valid("json").code);
    if (!done.ok) return respondProblem(c, done.error);
    c.header("cache-control", "no-store");
    return c.json(done.value, 200);
  });
}
