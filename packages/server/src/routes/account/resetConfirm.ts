import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { ResetConfirmSchema } from "@ninsho/contract";
import { confirmReset } from "../../accounts/reset.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { accountEntryRoute } from "./shared.js";

export function registerResetConfirm(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = accountEntryRoute(deps, {
    method: "post",
    path: "/v1/password-resets/confirm",
    summary: "Set a new password with the token of a reset link",
    description:
      "The link works once. It also verifies the email, unlocks the account and ends every session; sign in afterwards.",
    request: { body: jsonBody(ResetConfirmSchema, "The token from the link and the new password") },
    responses: {
      200: jsonResponse(z.object({ status: z.literal("password_changed") }), "The password is changed"),
      ...errorResponses(400, 403, 410, 413, 415),
    },
  });
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const done = await confirmReset(deps, body.token, body.password);
    if (!done.ok) return respondProblem(c, done.error);
    return c.json({ status: "password_changed" as const }, 200);
  });
}
