import type { OpenAPIHono } from "@hono/zod-openapi";
import { MailSentSchema, ResetRequestSchema } from "@ninsho/contract";
import { requestReset } from "../../accounts/reset.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { accountEntryRoute, respondRefusal } from "./shared.js";

export function registerResetRequest(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = accountEntryRoute(deps, {
    method: "post",
    path: "/v1/password-resets",
    summary: "Mail a password reset link (one hour, one use)",
    description: "Answers the same whether the email has an account or not.",
    request: { body: jsonBody(ResetRequestSchema, "The account's email") },
    responses: {
      202: jsonResponse(MailSentSchema, "A mail is on its way if the email has an account"),
      ...errorResponses(400, 403, 413, 415, 429),
    },
  });
  app.openapi(route, async (c) => {
    const done = await requestReset(deps, c.req.valid("json").email, c.get("clientSource"));
    if (!done.ok) return respondRefusal(c, done.error);
    return c.json({ status: "mail_sent" as const, email: done.value.email }, 202);
  });
}
