import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  PolicyPatchSchema,
  PolicySchema,
  ProductPatchSchema,
  ProductSchema,
  ReasonSchema,
} from "@ninsho/contract";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, IdParam, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { archivePolicy, updatePolicy, updateProduct } from "../../services/admin/catalogEdits.js";
import { adminRoute, tokenActor } from "./shared.js";

/** Edits of what an admin made: rename a product, edit a policy, archive and restore both. Admin role only. */
export function registerCatalogEdits(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const patchProduct = adminRoute(deps, "admin", {
    method: "patch",
    path: "/v1/admin/products/{id}",
    summary: "Rename a product, or append to its phone feature list",
    request: {
      params: IdParam("prd"),
      body: jsonBody(ProductPatchSchema, "The new name or phone feature list, and why"),
    },
    responses: { 200: jsonResponse(ProductSchema, "The product"), ...errorResponses(400, 401, 403, 404) },
  });
  app.openapi(patchProduct, async (c) => {
    const { name, phoneFeatures, reason } = c.req.valid("json");
    const change = { actor: tokenActor(c.get("principal").tokenId), reason };
    const edit = {
      ...(name === undefined ? {} : { name }),
      ...(phoneFeatures === undefined ? {} : { phoneFeatures }),
    };
    const result = await updateProduct(deps, c.req.valid("param").id, edit, change);
    return result.ok ? c.json(result.value, 200) : respondProblem(c, result.error);
  });

  for (const archived of [true, false]) {
    const action = archived ? "archive" : "restore";
    const productRoute = adminRoute(deps, "admin", {
      method: "post",
      path: `/v1/admin/products/{id}/${action}`,
      summary: archived
        ? "Archive a product: its licenses keep working; no new policies or keys"
        : "Restore an archived product",
      request: { params: IdParam("prd"), body: jsonBody(ReasonSchema, "Why, for the audit log") },
      responses: { 200: jsonResponse(ProductSchema, "The product"), ...errorResponses(400, 401, 403, 404) },
    });
    app.openapi(productRoute, async (c) => {
      const change = { actor: tokenActor(c.get("principal").tokenId), reason: c.req.valid("json").reason };
      const result = await updateProduct(deps, c.req.valid("param").id, { archived }, change);
      return result.ok ? c.json(result.value, 200) : respondProblem(c, result.error);
    });

    const policyRoute = adminRoute(deps, "admin", {
      method: "post",
      path: `/v1/admin/policies/{id}/${action}`,
      summary: archived
        ? "Archive a policy: its licenses keep it; no new keys are issued under it, no license moves to it"
        : "Restore an archived policy",
      request: { params: IdParam("pol"), body: jsonBody(ReasonSchema, "Why, for the audit log") },
      responses: { 200: jsonResponse(PolicySchema, "The policy"), ...errorResponses(400, 401, 403, 404) },
    });
    app.openapi(policyRoute, async (c) => {
      const change = { actor: tokenActor(c.get("principal").tokenId), reason: c.req.valid("json").reason };
      const result = await archivePolicy(deps, c.req.valid("param").id, archived, change);
      return result.ok ? c.json(result.value, 200) : respondProblem(c, result.error);
    });
  }

  const patchPolicy = adminRoute(deps, "admin", {
    method: "patch",
    path: "/v1/admin/policies/{id}",
    summary: "Edit a policy; the change reaches each of its licenses from its next lease on",
    description:
      "Channel and product never change (that is a new policy). Every license of the policy follows the new rules at its devices' next refresh, and its timeline shows the edit.",
    request: { params: IdParam("pol"), body: jsonBody(PolicyPatchSchema, "The fields to change and why") },
    responses: { 200: jsonResponse(PolicySchema, "The policy"), ...errorResponses(400, 401, 403, 404) },
  });
  app.openapi(patchPolicy, async (c) => {
    const { reason, ...edit } = c.req.valid("json");
    const change = { actor: tokenActor(c.get("principal").tokenId), reason };
    const result = await updatePolicy(deps, c.req.valid("param").id, edit, change);
    return result.ok ? c.json(result.value, 200) : respondProblem(c, result.error);
  });
}
