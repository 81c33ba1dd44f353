import type { OpenAPIHono } from "@hono/zod-openapi";
import { MailSentSchema } from "@ninsho/contract";
import { resendVerification } from "../../accounts/verify.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { errorResponses, jsonResponse } from "../../schemas/openapi.js";
import { accountRoute } from "./shared.js";

export function registerResendVerification(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = accountRoute(deps, {
    method: "post",
    path: "/v1/me/verification",
    summary: "Mail a new verification link (older ones stop working)",
    responses: {
      202: jsonResponse(MailSentSchema, "A mail is on its way, unless the email is verified already"),
      ...errorResponses(401, 403),
    },
  });
  app.openapi(route, async (c) => {
    const account = c.get("account");
    await resendVerification(deps, account);
    return c.json({ status: "mail_sent" as const, email: account.email }, 202);
  });
}
