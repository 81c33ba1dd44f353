import type { OpenAPIHono } from "@hono/zod-openapi";
import { LicenseSchema, NoteRequestSchema, OverridesPatchSchema, PolicyMoveSchema } from "@ninsho/contract";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, IdParam, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { addNote, moveToPolicy, setOverrides } from "../../services/admin/licenseChanges.js";
import { adminLicenseView, adminRoute, tokenActor } from "./shared.js";

/** A license's own changes: another policy, overrides of its policy, notes for staff. */
export function registerLicenseChanges(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const move = adminRoute(deps, "admin", {
    method: "post",
    path: "/v1/admin/licenses/{id}/policy",
    summary: "Move a license to another policy of its product (from each device's next lease on)",
    request: { params: IdParam("lic"), body: jsonBody(PolicyMoveSchema, "The policy and why") },
    responses: {
      200: jsonResponse(LicenseSchema, "The license after the move"),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  });
  app.openapi(move, async (c) => {
    const { policyId, reason } = c.req.valid("json");
    const target = await deps.store.policies.findById(policyId);
    if (!target) return respondProblem(c, { code: "POLICY_NOT_FOUND", params: { policyId } });
    const actor = tokenActor(c.get("principal").tokenId);
    const result = await moveToPolicy(deps, c.req.valid("param").id, target, actor, reason);
    return result.ok
      ? c.json(adminLicenseView(result.value, deps.clock()), 200)
      : respondProblem(c, result.error);
  });

  const overrides = adminRoute(deps, "admin", {
    method: "patch",
    path: "/v1/admin/licenses/{id}/overrides",
    summary: "Set this license's own device limit or transfer allowance (null: follow the policy again)",
    request: { params: IdParam("lic"), body: jsonBody(OverridesPatchSchema, "The values and why") },
    responses: {
      200: jsonResponse(LicenseSchema, "The license after the change"),
      ...errorResponses(400, 401, 403, 404),
    },
  });
  app.openapi(overrides, async (c) => {
    const { reason, ...patch } = c.req.valid("json");
    const actor = tokenActor(c.get("principal").tokenId);
    const result = await setOverrides(deps, c.req.valid("param").id, patch, actor, reason);
    return result.ok
      ? c.json(adminLicenseView(result.value, deps.clock()), 200)
      : respondProblem(c, result.error);
  });

  const note = adminRoute(deps, "support", {
    method: "post",
    path: "/v1/admin/licenses/{id}/notes",
    summary: "Add a note for staff to a license's timeline (never shown to its owner)",
    request: { params: IdParam("lic"), body: jsonBody(NoteRequestSchema, "The note") },
    responses: {
      201: jsonResponse(LicenseSchema, "The license"),
      ...errorResponses(400, 401, 403, 404),
    },
  });
  app.openapi(note, async (c) => {
    const actor = tokenActor(c.get("principal").tokenId);
    const result = await addNote(deps, c.req.valid("param").id, actor, c.req.valid("json").text);
    return result.ok
      ? c.json(adminLicenseView(result.value, deps.clock()), 201)
      : respondProblem(c, result.error);
  });
}
