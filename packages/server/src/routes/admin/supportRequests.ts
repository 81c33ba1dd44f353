import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { ReasonSchema, SupportRequestListSchema, SupportRequestSchema } from "@ninsho/contract";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, IdParam, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { resolveSupportRequest } from "../../services/admin/supportRequests.js";
import { adminRoute, tokenActor } from "./shared.js";

const QuerySchema = z.object({
  licenseId: z.string().min(1).max(64).optional().meta({ description: "Only this license's requests" }),
  status: z.enum(["open", "closed"]).optional().meta({ description: "Only requests in this status" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The support requests refused self-service steps open: the list with their context, and closing one. */
export function registerSupportRequests(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = adminRoute(deps, "support", {
    method: "get",
    path: "/v1/admin/support-requests",
    summary: "Support requests opened by refused self-service steps, newest first, with their full context",
    description:
      "Each carries the refusal, what the owner asked for (the device to replace and the new machine), the license's devices and its timeline (refusals with their explanations, earlier transfers).",
    request: { query: QuerySchema },
    responses: {
      200: jsonResponse(SupportRequestListSchema, "The requests"),
      ...errorResponses(400, 401, 403),
    },
  });
  app.openapi(route, async (c) => {
    const { licenseId, status, limit } = c.req.valid("query");
    const requests = await deps.store.supportRequests.list({ limit, licenseId, status });
    return c.json({ requests: requests.map((r) => ({ ...r, context: { ...r.context } })) }, 200);
  });

  const resolve = adminRoute(deps, "support", {
    method: "post",
    path: "/v1/admin/support-requests/{id}/resolve",
    summary: "Close a support request once support has acted, with the reason for the audit log",
    description:
      "The request's status becomes `closed`; the audit log keeps who closed it and why (type `support_request.resolved`). A request closed already is answered as it is.",
    request: { params: IdParam("sup"), body: jsonBody(ReasonSchema, "What support did, for the audit log") },
    responses: {
      200: jsonResponse(SupportRequestSchema, "The closed request"),
      ...errorResponses(400, 401, 403, 404),
    },
  });
  app.openapi(resolve, async (c) => {
    const by = { actor: tokenActor(c.get("principal").tokenId), reason: c.req.valid("json").reason };
    const result = await resolveSupportRequest(deps, c.req.valid("param").id, by);
    if (!result.ok) return respondProblem(c, result.error);
    return c.json({ ...result.value, context: { ...result.value.context } }, 200);
  });
}
