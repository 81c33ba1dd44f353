import { type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  LicenseDetailSchema,
  LicenseListSchema,
  LicenseQuerySchema,
  LookupRequestSchema,
  PageQuery,
  RevealedKeySchema,
  TimelineSchema,
} from "@ninsho/contract";
import { unseal } from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, IdParam, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { recordAudit } from "../../services/admin/audit.js";
import { findLicenseByKey } from "../../services/licenseByKey.js";
import { licenseTimeline } from "../../services/timeline.js";
import { adminLicenseView, adminRoute, deviceView, tokenActor } from "./shared.js";

export function registerLicenseReads(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const list = adminRoute(deps, "readonly", {
    method: "get",
    path: "/v1/admin/licenses",
    summary: "List licenses by product, policy, status or owner email",
    request: { query: LicenseQuerySchema },
    responses: {
      200: jsonResponse(LicenseListSchema, "A page"),
      ...errorResponses(400, 401),
    },
  });
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const licenses = await deps.store.licenses.list({
      ...(q.productId === undefined ? {} : { productId: q.productId }),
      ...(q.policyId === undefined ? {} : { policyId: q.policyId }),
      ...(q.status === undefined ? {} : { status: q.status }),
      ...(q.email === undefined ? {} : { ownerEmail: q.email }),
      ...(q.after === undefined ? {} : { after: q.after }),
      ...(q.limit === undefined ? {} : { limit: q.limit }),
    });
    const now = deps.clock();
    return c.json({ licenses: licenses.map((l) => adminLicenseView(l, now)) }, 200);
  });

  // POST, the key in the body: a URL with a product key in it would land in proxy and access logs and in
  // browser history, where anyone reading them could activate with it.
  const lookup = adminRoute(deps, "readonly", {
    method: "post",
    path: "/v1/admin/licenses/lookup",
    summary: "Find the license of a product key (as a customer reads it out)",
    description:
      "The key travels in the body, never in the URL (URLs are logged by proxies and kept in histories). Reads only.",
    request: { body: jsonBody(LookupRequestSchema, "The product key, as typed") },
    responses: {
      200: jsonResponse(LicenseDetailSchema, "The license"),
      ...errorResponses(400, 401, 404, 413, 415),
    },
  });
  app.openapi(lookup, async (c) => {
    const found = await findLicenseByKey(deps, c.req.valid("json").key);
    if (!found.ok) return respondProblem(c, found.error);
    const license = found.value;
    const role = c.get("principal").role;
    const devices = (await deps.store.devices.listAll(license.id)).map((d) => deviceView(d, role));
    return c.json({ ...adminLicenseView(license, deps.clock()), devices }, 200);
  });

  const get = adminRoute(deps, "readonly", {
    method: "get",
    path: "/v1/admin/licenses/{id}",
    summary: "A license with all its devices, deactivated ones included",
    request: { params: IdParam("lic") },
    responses: { 200: jsonResponse(LicenseDetailSchema, "The license"), ...errorResponses(401, 404) },
  });
  app.openapi(get, async (c) => {
    const { id } = c.req.valid("param");
    const license = await deps.store.licenses.findById(id);
    if (!license) return respondProblem(c, { code: "LICENSE_NOT_FOUND", params: { licenseId: id } });
    const role = c.get("principal").role;
    const devices = (await deps.store.devices.listAll(id)).map((d) => deviceView(d, role));
    return c.json({ ...adminLicenseView(license, deps.clock()), devices }, 200);
  });

  const timeline = adminRoute(deps, "readonly", {
    method: "get",
    path: "/v1/admin/licenses/{id}/timeline",
    summary: "Every change to a license, oldest first, with actor and reason (edits of its policy included)",
    request: { params: IdParam("lic"), query: z.object(PageQuery) },
    responses: {
      200: jsonResponse(TimelineSchema, "The timeline"),
      ...errorResponses(401, 404),
    },
  });
  app.openapi(timeline, async (c) => {
    const { id } = c.req.valid("param");
    const { after, limit } = c.req.valid("query");
    const license = await deps.store.licenses.findById(id);
    if (!license) return respondProblem(c, { code: "LICENSE_NOT_FOUND", params: { licenseId: id } });
    const entries = await licenseTimeline(deps, license, { after, limit });
    return c.json(
      { events: entries.map((e) => ({ ...e, data: { ...e.data }, params: { ...e.params } })) },
      200,
    );
  });

  const reveal = adminRoute(deps, "admin", {
    method: "get",
    path: "/v1/admin/licenses/{id}/key",
    summary: "Read a license's product key again (unsealed with the master key; written to the audit log)",
    request: { params: IdParam("lic"), query: z.object({ reason: z.string().min(1).max(500).optional() }) },
    responses: {
      200: jsonResponse(RevealedKeySchema, "The key"),
      ...errorResponses(401, 403, 404),
    },
  });
  app.openapi(reveal, async (c) => {
    const { id } = c.req.valid("param");
    const sealed = await deps.store.licenses.sealedKey(id);
    if (sealed === undefined)
      return respondProblem(c, { code: "LICENSE_NOT_FOUND", params: { licenseId: id } });
    const { reason } = c.req.valid("query");
    await recordAudit(deps.store, {
      type: "license.key_revealed",
      actor: tokenActor(c.get("principal").tokenId),
      target: id,
      ...(reason === undefined ? {} : { reason }),
      at: deps.clock().toISOString(),
    });
    c.header("cache-control", "no-store");
    return c.json({ key: unseal(deps.secrets, sealed, id) }, 200);
  });
}
