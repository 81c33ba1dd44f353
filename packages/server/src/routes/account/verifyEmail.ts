import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { LinkTokenRequestSchema } from "@ninsho/contract";
import { verifyEmail } from "../../accounts/verify.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { accountEntryRoute } from "./shared.js";

export function registerVerifyEmail(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = accountEntryRoute(deps, {
    method: "post",
    path: "/v1/accounts/verify",
    summary: "Verify an account's email with the token of the mailed link",
    description:
      "The link carries its token after `#`, which browsers never send to a server; the page posts it here. Licenses sold to the email become the account's.",
    request: { body: jsonBody(LinkTokenRequestSchema, "The token from the link") },
    responses: {
      200: jsonResponse(z.object({ status: z.literal("verified") }), "The email is verified"),
      ...errorResponses(400, 403, 410, 413, 415),
    },
  });
  app.openapi(route, async (c) => {
    const done = await verifyEmail(deps, c.req.valid("json").token);
    if (!done.ok) return respondProblem(c, done.error);
    return c.json({ status: "verified" as const }, 200);
  });
}
