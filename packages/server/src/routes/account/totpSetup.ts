import type { OpenAPIHono } from "@hono/zod-openapi";
import { TotpSetupSchema } from "@ninsho/contract";
import { startTotp } from "../../accounts/totp.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, jsonResponse } from "../../schemas/openapi.js";
import { accountRoute } from "./shared.js";

export function registerTotpSetup(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = accountRoute(deps, {
    method: "post",
    path: "/v1/me/totp",
    summary: "Start setting up two-step sign-in: a secret for the authenticator app",
    description:
      "Takes effect once confirmed with a code (`POST /v1/me/totp/confirm`). Needs a verified email.",
    responses: {
      200: jsonResponse(TotpSetupSchema, "The secret, as text and as an otpauth URI"),
      ...errorResponses(401, 403, 409),
    },
  });
  app.openapi(route, async (c) => {
    const started = await startTotp(deps, c.get("account"));
    if (!started.ok) return respondProblem(c, started.error);
    c.header("cache-control", "no-store");
    return c.json(started.value, 200);
  });
}
