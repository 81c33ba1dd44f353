import type { OpenAPIHono } from "@hono/zod-openapi";
import { MailSentSchema, SignUpRequestSchema } from "@ninsho/contract";
import { signUp } from "../../accounts/signUp.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { accountEntryRoute, respondRefusal } from "./shared.js";

export function registerSignUp(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = accountEntryRoute(deps, {
    method: "post",
    path: "/v1/accounts",
    summary: "Create an account; a verification link is mailed",
    description:
      "Answers the same for an email that has an account already (its owner is mailed instead), so the answer tells no one which emails have accounts.",
    request: { body: jsonBody(SignUpRequestSchema, "Email, password and optionally the mails' language") },
    responses: {
      201: jsonResponse(MailSentSchema, "A mail is on its way to the address"),
      ...errorResponses(400, 403, 413, 415, 429),
    },
  });
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const done = await signUp(deps, {
      email: body.email,
      password: body.password,
      language: body.language ?? c.get("locale"),
      source: c.get("clientSource"),
    });
    if (!done.ok) return respondRefusal(c, done.error);
    return c.json({ status: "mail_sent" as const, email: done.value.email }, 201);
  });
}
