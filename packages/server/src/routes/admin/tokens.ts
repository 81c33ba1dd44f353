import { type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  CreatedTokenSchema,
  TokenListSchema,
  TokenRequestSchema,
  TokenSchema,
  WhoamiSchema,
} from "@ninsho/contract";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, IdParam, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { recordAudit } from "../../services/admin/audit.js";
import { revokeToken } from "../../services/admin/tokenRevoke.js";
import { createToken } from "../../services/admin/tokens.js";
import { adminRoute, tokenActor } from "./shared.js";

/** Why a token is revoked, for the audit log (a query parameter: DELETE has no body). */
const RevokeQuerySchema = z.object({ reason: z.string().min(1).max(500).optional() });

export function registerTokens(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const create = adminRoute(deps, "admin", {
    method: "post",
    path: "/v1/admin/tokens",
    summary: "Create an admin API token; the token is shown in this answer only",
    request: {
      body: jsonBody(TokenRequestSchema, "Name and role"),
    },
    responses: {
      201: jsonResponse(CreatedTokenSchema, "The token, shown once"),
      ...errorResponses(400, 401, 403),
    },
  });
  app.openapi(create, async (c) => {
    const actor = tokenActor(c.get("principal").tokenId);
    const { token, record } = await deps.store.transaction(async (tx) => {
      const made = await createToken(deps, c.req.valid("json"), tx);
      const data = { name: made.record.name, role: made.record.role };
      await recordAudit(tx, {
        type: "token.created",
        actor,
        target: made.record.id,
        data,
        at: made.record.createdAt,
      });
      return made;
    });
    c.header("cache-control", "no-store");
    return c.json({ ...record, token }, 201);
  });

  const list = adminRoute(deps, "admin", {
    method: "get",
    path: "/v1/admin/tokens",
    summary: "List admin tokens (never the tokens themselves)",
    responses: {
      200: jsonResponse(TokenListSchema, "Tokens"),
      ...errorResponses(401, 403),
    },
  });
  app.openapi(list, async (c) => c.json({ tokens: await deps.store.tokens.list() }, 200));

  const revoke = adminRoute(deps, "admin", {
    method: "delete",
    path: "/v1/admin/tokens/{id}",
    summary: "Revoke an admin token (never the last live admin token: LAST_ADMIN_TOKEN)",
    request: { params: IdParam("tok"), query: RevokeQuerySchema },
    responses: { 200: jsonResponse(TokenSchema, "Revoked"), ...errorResponses(401, 403, 404, 409) },
  });
  app.openapi(revoke, async (c) => {
    const { reason } = c.req.valid("query");
    const by = { actor: tokenActor(c.get("principal").tokenId), ...(reason === undefined ? {} : { reason }) };
    const result = await revokeToken(deps, c.req.valid("param").id, by);
    return result.ok ? c.json(result.value, 200) : respondProblem(c, result.error);
  });

  const whoami = adminRoute(deps, "readonly", {
    method: "get",
    path: "/v1/admin/whoami",
    summary: "The token's own id and role",
    responses: {
      200: jsonResponse(WhoamiSchema, "Who you are"),
      ...errorResponses(401),
    },
  });
  app.openapi(whoami, async (c) => c.json(c.get("principal"), 200));
}
