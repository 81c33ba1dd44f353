import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { SupportRequestListSchema } from "@ninsho/contract";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { errorResponses, jsonResponse } from "../../schemas/openapi.js";
import { adminRoute } from "./shared.js";

const QuerySchema = z.object({
  licenseId: z.string().min(1).max(64).optional().meta({ description: "Only this license's requests" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

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
    const { licenseId, limit } = c.req.valid("query");
    const requests = await deps.store.supportRequests.list({ limit, licenseId });
    return c.json({ requests: requests.map((r) => ({ ...r, context: { ...r.context } })) }, 200);
  });
}
