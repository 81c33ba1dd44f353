import type { OpenAPIHono } from "@hono/zod-openapi";
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
import { createToken } from "../../services/admin/tokens.js";
import { adminRoute } from "./shared.js";

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
    const { token, record } = await createToken(deps, c.req.valid("json"));
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
    summary: "Revoke an admin token",
    request: { params: IdParam("tok") },
    responses: { 200: jsonResponse(TokenSchema, "Revoked"), ...errorResponses(401, 403, 404) },
  });
  app.openapi(revoke, async (c) => {
    const { id } = c.req.valid("param");
    const token = await deps.store.tokens.findById(id);
    if (!token) return respondProblem(c, { code: "TOKEN_NOT_FOUND", params: { tokenId: id } });
    const revokedAt = token.revokedAt ?? deps.clock().toISOString();
    if (token.revokedAt === undefined) await deps.store.tokens.revoke(id, revokedAt);
    return c.json({ ...token, revokedAt }, 200);
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
