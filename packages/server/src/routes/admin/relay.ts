import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  UsageReportImportSchema,
  UsageReportSchema,
  VolumeGrantRequestSchema,
  VolumeGrantSchema,
} from "@ninsho/contract";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { importUsageReport } from "../../services/relay/usageReports.js";
import { iso, issueVolumeGrant } from "../../services/relay/volumeGrants.js";
import { adminRoute, tokenActor } from "./shared.js";

/**
 * The vendor's side of the on-premises relay (docs/relay.md): issue a volume grant for a relay's key, and import
 * the usage report it sends back.
 * @example
 * registerRelayAdmin(app, deps);
 */
export function registerRelayAdmin(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const grants = adminRoute(deps, "admin", {
    method: "post",
    path: "/v1/admin/volume-grants",
    summary: "Issue a volume grant: a signed file that lets a customer's relay admit up to N devices",
    request: { body: jsonBody(VolumeGrantRequestSchema, "The license, the relay's key and the terms") },
    responses: {
      201: jsonResponse(VolumeGrantSchema, "The grant, signed by the product's key"),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  });
  app.openapi(grants, async (c) => {
    const terms = c.req.valid("json");
    const issued = await issueVolumeGrant(deps, terms, tokenActor(c.get("principal").tokenId));
    if (!issued.ok) return respondProblem(c, issued.error);
    const { claims, token } = issued.value;
    return c.json(
      {
        grant: token,
        grantId: claims.jti,
        licenseId: claims.lic,
        productId: claims.aud,
        customer: claims.cus,
        maxDevices: claims.max,
        renewDays: terms.renewDays,
        offlineDays: terms.offlineDays,
        notBefore: iso(claims.nbf),
        expiresAt: iso(claims.exp),
        fileName: `${claims.jti}.grant`,
      },
      201,
    );
  });

  const reports = adminRoute(deps, "admin", {
    method: "post",
    path: "/v1/admin/usage-reports",
    summary: "Import a relay's signed usage report into its license's timeline (true-up)",
    request: { body: jsonBody(UsageReportImportSchema, "The report file's text") },
    responses: {
      200: jsonResponse(UsageReportSchema, "Imported before; recorded once"),
      201: jsonResponse(UsageReportSchema, "Imported"),
      ...errorResponses(400, 401, 403, 404),
    },
  });
  app.openapi(reports, async (c) => {
    const { reportFile } = c.req.valid("json");
    const imported = await importUsageReport(deps, reportFile, tokenActor(c.get("principal").tokenId));
    if (!imported.ok) return respondProblem(c, imported.error);
    return c.json(imported.value, imported.value.imported ? 201 : 200);
  });
}
