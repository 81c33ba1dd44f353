import type { OpenAPIHono } from "@hono/zod-openapi";
import { PolicyInputSchema, PolicyListSchema, PolicyQuerySchema, PolicySchema } from "@ninsho/contract";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, IdParam, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { createPolicy } from "../../services/admin/catalog.js";
import { adminRoute } from "./shared.js";

export function registerPolicies(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const create = adminRoute(deps, "admin", {
    method: "post",
    path: "/v1/admin/policies",
    summary: "Create a policy (a license template); policies never change once created",
    request: { body: jsonBody(PolicyInputSchema, "Channel and rules; anything omitted takes the defaults") },
    responses: { 201: jsonResponse(PolicySchema, "Created"), ...errorResponses(400, 401, 403, 404) },
  });
  app.openapi(create, async (c) => {
    const result = await createPolicy(deps, c.req.valid("json"));
    return result.ok ? c.json(result.value, 201) : respondProblem(c, result.error);
  });

  const list = adminRoute(deps, "readonly", {
    method: "get",
    path: "/v1/admin/policies",
    summary: "List policies, optionally of one product",
    request: { query: PolicyQuerySchema },
    responses: {
      200: jsonResponse(PolicyListSchema, "Policies"),
      ...errorResponses(401),
    },
  });
  app.openapi(list, async (c) => {
    const { productId } = c.req.valid("query");
    return c.json({ policies: await deps.store.policies.list(productId) }, 200);
  });

  const get = adminRoute(deps, "readonly", {
    method: "get",
    path: "/v1/admin/policies/{id}",
    summary: "A policy",
    request: { params: IdParam("pol") },
    responses: { 200: jsonResponse(PolicySchema, "The policy"), ...errorResponses(401, 404) },
  });
  app.openapi(get, async (c) => {
    const { id } = c.req.valid("param");
    const policy = await deps.policies.get(id);
    return policy
      ? c.json(policy, 200)
      : respondProblem(c, { code: "POLICY_NOT_FOUND", params: { policyId: id } });
  });
}
