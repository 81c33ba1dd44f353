import type { OpenAPIHono } from "@hono/zod-openapi";
import { SignInRequestSchema, SignInSchema } from "@ninsho/contract";
import { startSession } from "../../accounts/session.js";
import { signIn } from "../../accounts/signIn.js";
import { accountView } from "../../accounts/view.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { accountEntryRoute, respondRefusal } from "./shared.js";

export function registerSignIn(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = accountEntryRoute(deps, {
    method: "post",
    path: "/v1/sessions",
    summary: "Sign in with email and password",
    description:
      "200 with a new session cookie (HttpOnly, SameSite=Lax, Secure over TLS; any session the request came with is ended), or a TOTP challenge for `POST /v1/sessions/totp`. Attempts are counted per email and per client address: past the limit the account is locked (ACCOUNT_LOCKED says until when, and that a password reset unlocks it).",
    request: { body: jsonBody(SignInRequestSchema, "Email and password") },
    responses: {
      200: jsonResponse(SignInSchema, "Signed in (Set-Cookie), or the second step to take"),
      ...errorResponses(400, 401, 403, 413, 415, 429),
    },
  });
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const step = await signIn(deps, body.email, body.password, c.get("clientSource"));
    if (!step.ok) return respondRefusal(c, step.error);
    c.header("cache-control", "no-store");
    if (step.value.kind === "totp_required") {
      const { challenge, expiresAt } = step.value;
      return c.json({ status: "totp_required" as const, challenge, expiresAt }, 200);
    }
    const { account } = step.value;
    await deps.store.transaction((tx) => startSession(deps, c, tx, account.id));
    return c.json({ status: "signed_in" as const, account: accountView(account) }, 200);
  });
}
