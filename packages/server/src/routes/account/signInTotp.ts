import type { OpenAPIHono } from "@hono/zod-openapi";
import { SignInSchema, TotpSignInRequestSchema } from "@ninsho/contract";
import { startSession } from "../../accounts/session.js";
import { signInWithTotp } from "../../accounts/signInTotp.js";
import { accountView } from "../../accounts/view.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { accountEntryRoute, respondRefusal } from "./shared.js";

export function registerSignInTotp(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = accountEntryRoute(deps, {
    method: "post",
    path: "/v1/sessions/totp",
    summary: "Finish a sign-in with a code from the authenticator app or a recovery code",
    description:
      "Codes are accepted one 30-second step either side of now, each once; a recovery code works once. Wrong codes count like wrong passwords.",
    request: { body: jsonBody(TotpSignInRequestSchema, "The challenge and a code") },
    responses: {
      200: jsonResponse(SignInSchema, "Signed in (Set-Cookie)"),
      ...errorResponses(400, 401, 403, 413, 415, 429),
    },
  });
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const done = await signInWithTotp(deps, {
      challenge: body.challenge,
      code: body.code,
      recoveryCode: body.recoveryCode,
      source: c.get("clientSource"),
    });
    if (!done.ok) return respondRefusal(c, done.error);
    await deps.store.transaction((tx) => startSession(deps, c, tx, done.value.id));
    c.header("cache-control", "no-store");
    return c.json({ status: "signed_in" as const, account: accountView(done.value) }, 200);
  });
}
