import type { OpenAPIHono } from "@hono/zod-openapi";
import { EntitlementsRequestSchema, LicenseSchema, WarrantyRepairRequestSchema } from "@ninsho/contract";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, IdParam, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { changeLicenseEntitlements, recordWarrantyRepair } from "../../services/admin/channelActions.js";
import { adminLicenseView, adminRoute, tokenActor } from "./shared.js";

/** The channel actions of staff on one license: a warranty repair (OEM, bundle) and its entitlements. */
export function registerChannelActions(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const repair = adminRoute(deps, "support", {
    method: "post",
    path: "/v1/admin/licenses/{id}/warranty-repairs",
    summary:
      "Record a warranty repair: an OEM or bundle license moves to the repaired machine's new part, once",
    description:
      "Deactivates the license's devices (their bound part is gone); the next activation binds the license to the part it presents, once. WARRANTY_REPAIR_NOT_APPLICABLE on a license bound to nothing.",
    request: { params: IdParam("lic"), body: jsonBody(WarrantyRepairRequestSchema, "Why, for the timeline") },
    responses: {
      201: jsonResponse(LicenseSchema, "The license, with the repair pending"),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  });
  app.openapi(repair, async (c) => {
    const { id } = c.req.valid("param");
    const actor = tokenActor(c.get("principal").tokenId);
    const result = await recordWarrantyRepair(deps, id, actor, c.req.valid("json").reason);
    return result.ok
      ? c.json(adminLicenseView(result.value, deps.clock()), 201)
      : respondProblem(c, result.error);
  });

  const entitlements = adminRoute(deps, "admin", {
    method: "post",
    path: "/v1/admin/licenses/{id}/entitlements",
    summary: "Add features to a license or remove them from it, on top of its policy's",
    description: "Devices get the license's features with their next lease (online, by phone or by file).",
    request: {
      params: IdParam("lic"),
      body: jsonBody(EntitlementsRequestSchema, "Features to add and to remove, and why"),
    },
    responses: {
      200: jsonResponse(LicenseSchema, "The license after the change"),
      ...errorResponses(400, 401, 403, 404),
    },
  });
  app.openapi(entitlements, async (c) => {
    const { id } = c.req.valid("param");
    const { add, remove, reason } = c.req.valid("json");
    const actor = tokenActor(c.get("principal").tokenId);
    const result = await changeLicenseEntitlements(deps, id, { add, remove }, actor, reason);
    return result.ok
      ? c.json(adminLicenseView(result.value, deps.clock()), 200)
      : respondProblem(c, result.error);
  });
}
