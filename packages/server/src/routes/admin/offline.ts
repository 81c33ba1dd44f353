import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  ConfirmationSchema,
  InstallationOwnerRequestSchema,
  InstallationOwnerSchema,
  LicenseFileSchema,
  SupportConfirmationRequestSchema,
  SupportLicenseFileRequestSchema,
} from "@ninsho/contract";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { confirmInstallation } from "../../services/offline/confirm.js";
import { issueLicenseFile } from "../../services/offline/licenseFiles.js";
import { installationOwner } from "../../services/offline/owner.js";
import { confirmationView, licenseFileView } from "../public/offlineViews.js";
import { adminRoute } from "./shared.js";

/**
 * Support staff doing a phone or USB activation for a caller: the same rules, their token in the timeline.
 * @example
 * registerOfflineSupport(app, deps);
 */
export function registerOfflineSupport(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const owner = adminRoute(deps, "support", {
    method: "post",
    path: "/v1/admin/offline/installations",
    summary: "Whose license an installation ID belongs to, before a phone confirmation for a caller",
    description:
      "The license, its product and state, and the owner's address masked, for support to check with the caller. The same checks as a confirmation: an ID whose proof does not hold is INSTALLATION_ID_NOT_FOUND, as an unknown one. Reads only.",
    request: { body: jsonBody(InstallationOwnerRequestSchema, "The installation ID the caller reads out") },
    responses: {
      200: jsonResponse(InstallationOwnerSchema, "Whose license it is"),
      ...errorResponses(400, 401, 403, 404),
    },
  });
  app.openapi(owner, async (c) => {
    const result = await installationOwner(deps, c.req.valid("json").installationId);
    return result.ok ? c.json(result.value, 200) : respondProblem(c, result.error);
  });

  const confirm = adminRoute(deps, "support", {
    method: "post",
    path: "/v1/admin/offline/confirmations",
    summary: "Phone activation for a caller: installation ID in, confirmation ID out",
    description:
      "As POST /v1/offline/confirmations, for support staff reading digits with a caller: the same rules and idempotency, the token as the actor in the timeline, and no key-guessing limits.",
    request: { body: jsonBody(SupportConfirmationRequestSchema, "The installation ID the caller reads out") },
    responses: {
      200: jsonResponse(ConfirmationSchema, "Recognised, or answered before"),
      201: jsonResponse(ConfirmationSchema, "A new device"),
      ...errorResponses(400, 401, 403, 404, 409, 410),
    },
  });
  app.openapi(confirm, async (c) => {
    const body = c.req.valid("json");
    const result = await confirmInstallation(deps, {
      ...body,
      actor: { kind: "support", tokenId: c.get("principal").tokenId },
    });
    if (!result.ok) return respondProblem(c, result.error);
    return c.json(confirmationView(result.value), result.value.outcome.created ? 201 : 200);
  });

  const file = adminRoute(deps, "support", {
    method: "post",
    path: "/v1/admin/offline/license-files",
    summary: "USB activation for a customer: request file in, license file out",
    description: "As POST /v1/offline/license-files, with the token as the actor in the timeline.",
    request: { body: jsonBody(SupportLicenseFileRequestSchema, "The request file's text") },
    responses: {
      200: jsonResponse(LicenseFileSchema, "Recognised, or answered before"),
      201: jsonResponse(LicenseFileSchema, "A new device"),
      ...errorResponses(400, 401, 403, 404, 409, 410),
    },
  });
  app.openapi(file, async (c) => {
    const body = c.req.valid("json");
    const result = await issueLicenseFile(deps, {
      ...body,
      actor: { kind: "support", tokenId: c.get("principal").tokenId },
    });
    if (!result.ok) return respondProblem(c, result.error);
    return c.json(licenseFileView(result.value), result.value.outcome.created ? 201 : 200);
  });
}
