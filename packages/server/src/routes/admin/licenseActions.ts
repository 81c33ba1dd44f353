import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  DeviceSchema,
  ExtendRequestSchema,
  LicenseSchema,
  OwnerRequestSchema,
  ReasonSchema,
} from "@ninsho/contract";
import type { Role } from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, IdParam, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import {
  changeStatus,
  extendLicense,
  reassignOwner,
  type StatusAction,
} from "../../services/admin/licenseActions.js";
import { deactivateDevice } from "../../services/deactivate.js";
import { adminLicenseView, adminRoute, deviceView, tokenActor } from "./shared.js";

const statusRoutes: { action: StatusAction; summary: string; role: Role }[] = [
  { action: "suspend", summary: "Suspend a license (devices stop validating; reversible)", role: "admin" },
  { action: "reinstate", summary: "Reinstate a suspended license", role: "admin" },
  { action: "revoke", summary: "Revoke a license for good", role: "admin" },
];

export function registerLicenseActions(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  for (const { action, summary, role } of statusRoutes) {
    const route = adminRoute(deps, role, {
      method: "post",
      path: `/v1/admin/licenses/{id}/${action}`,
      summary,
      request: { params: IdParam("lic"), body: jsonBody(ReasonSchema, "Why, for the timeline") },
      responses: {
        200: jsonResponse(LicenseSchema, "The license after the change"),
        ...errorResponses(400, 401, 403, 404, 409),
      },
    });
    app.openapi(route, async (c) => {
      const { id } = c.req.valid("param");
      const actor = tokenActor(c.get("principal").tokenId);
      const result = await changeStatus(deps, id, action, actor, c.req.valid("json").reason);
      return result.ok
        ? c.json(adminLicenseView(result.value, deps.clock()), 200)
        : respondProblem(c, result.error);
    });
  }

  const extend = adminRoute(deps, "support", {
    method: "post",
    path: "/v1/admin/licenses/{id}/extend",
    summary: "Set a license's expiry (later to extend; null for perpetual)",
    description:
      "An admin may set any future expiry. A support token may only extend a license that has an expiry, by at " +
      "most 30 days past the later of now and that expiry (EXTENSION_BEYOND_SUPPORT_LIMIT otherwise), once per " +
      "license in any 30 days (SUPPORT_EXTENSION_TOO_SOON otherwise).",
    request: {
      params: IdParam("lic"),
      body: jsonBody(ExtendRequestSchema, "The new expiry and why"),
    },
    responses: {
      200: jsonResponse(LicenseSchema, "The license after the change"),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  });
  app.openapi(extend, async (c) => {
    const { id } = c.req.valid("param");
    const { expiresAt, reason } = c.req.valid("json");
    const iso = expiresAt === null ? null : new Date(expiresAt).toISOString();
    const { tokenId, role } = c.get("principal");
    const result = await extendLicense(deps, id, iso, { actor: tokenActor(tokenId), role }, reason);
    return result.ok
      ? c.json(adminLicenseView(result.value, deps.clock()), 200)
      : respondProblem(c, result.error);
  });

  const owner = adminRoute(deps, "support", {
    method: "post",
    path: "/v1/admin/licenses/{id}/owner",
    summary: "Reassign a license to another owner account",
    request: {
      params: IdParam("lic"),
      body: jsonBody(OwnerRequestSchema, "The new owner and why"),
    },
    responses: {
      200: jsonResponse(LicenseSchema, "The license after the change"),
      ...errorResponses(400, 401, 403, 404),
    },
  });
  app.openapi(owner, async (c) => {
    const { id } = c.req.valid("param");
    const { email, reason } = c.req.valid("json");
    const result = await reassignOwner(deps, id, email, tokenActor(c.get("principal").tokenId), reason);
    return result.ok
      ? c.json(adminLicenseView(result.value, deps.clock()), 200)
      : respondProblem(c, result.error);
  });

  const deactivate = adminRoute(deps, "support", {
    method: "post",
    path: "/v1/admin/devices/{id}/deactivate",
    summary: "Deactivate a device, freeing its slot (e.g. for a customer whose old PC died)",
    request: { params: IdParam("dev"), body: jsonBody(ReasonSchema, "Why, for the timeline") },
    responses: {
      200: jsonResponse(DeviceSchema, "The device, deactivated"),
      ...errorResponses(400, 401, 403, 404),
    },
  });
  app.openapi(deactivate, async (c) => {
    const { id } = c.req.valid("param");
    const by = { kind: "admin" as const, tokenId: c.get("principal").tokenId };
    const result = await deactivateDevice(deps, id, by, c.req.valid("json").reason);
    if (!result.ok) return respondProblem(c, result.error);
    return c.json(deviceView(result.value, c.get("principal").role), 200);
  });
}
