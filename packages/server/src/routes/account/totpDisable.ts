import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { TotpCodeSchema } from "@ninsho/contract";
import { disableTotp } from "../../accounts/totp.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { accountRoute } from "./shared.js";

export function registerTotpDisable(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = accountRoute(deps, {
    method: "post",
    path: "/v1/me/totp/disable",
    summary: "Turn two-step sign-in off with a current code; the recovery codes stop working",
    request: { body: jsonBody(TotpCodeSchema, "A current code from the app") },
    responses: {
      200: jsonResponse(z.object({ status: z.literal("totp_off") }), "Two-step sign-in is off"),
      ...errorResponses(400, 401, 403, 409, 413, 415),
    },
  });
  app.openapi(route, async (c) => {
    const done = await disableTotp(deps, c.get("account"), c.req.valid("json").code);
    if (!done.ok) return respondProblem(c, done.error);
    return c.json({ status: "totp_off" as const }, 200);
  });
}
