import type { OpenAPIHono } from "@hono/zod-openapi";
import { AuditListSchema, AuditQuerySchema } from "@ninsho/contract";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { errorResponses, jsonResponse } from "../../schemas/openapi.js";
import { adminRoute } from "./shared.js";

/** The audit log: every admin action with actor, target and reason. Admin role: it names every token's acts. */
export function registerAudit(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const list = adminRoute(deps, "admin", {
    method: "get",
    path: "/v1/admin/audit",
    summary: "The audit log, oldest first: key reveals, tokens, signing keys, edits, overrides, billing",
    request: { query: AuditQuerySchema },
    responses: { 200: jsonResponse(AuditListSchema, "A page of entries"), ...errorResponses(400, 401, 403) },
  });
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const entries = await deps.store.audit.list({
      ...(q.target === undefined ? {} : { target: q.target }),
      ...(q.type === undefined ? {} : { type: q.type }),
      ...(q.after === undefined ? {} : { after: q.after }),
      ...(q.limit === undefined ? {} : { limit: q.limit }),
    });
    return c.json({ entries: entries.map((e) => ({ ...e, data: { ...e.data } })) }, 200);
  });
}
