import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { HealthSchema, JwksSchema } from "@ninsho/contract";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { problemBody } from "../../http/problem.js";
import { errorResponses, jsonResponse } from "../../schemas/openapi.js";

const jwksRoute = createRoute({
  method: "get",
  path: "/.well-known/jwks.json",
  tags: ["device"],
  summary: "Public keys that verify leases and signed answers",
  responses: {
    200: jsonResponse(JwksSchema, "Every product's Ed25519 public keys, retired ones included"),
    ...errorResponses(),
  },
});

const healthRoute = createRoute({
  method: "get",
  path: "/healthz",
  tags: ["operations"],
  summary: "Ready when the database answers",
  responses: {
    200: jsonResponse(HealthSchema, "Ready"),
    ...errorResponses(503),
  },
});

export function registerWellKnown(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(jwksRoute, async (c) => {
    c.header("cache-control", "public, max-age=300");
    return c.json({ keys: await deps.keyring.publicJwks() }, 200);
  });
  app.openapi(healthRoute, async (c) => {
    try {
      await deps.store.ping();
    } catch (error) {
      deps.logger.warn({ err: error }, "health check: database unreachable");
      return c.json(problemBody({ code: "SERVICE_UNAVAILABLE" }, c.get("locale")), 503);
    }
    return c.json({ status: "ok" as const, database: deps.store.dialect }, 200);
  });
}
