import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  CreatedWebhookSchema,
  DeliveryListSchema,
  DeliveryQuerySchema,
  DeliverySchema,
  ReasonSchema,
  WebhookListSchema,
  WebhookPatchSchema,
  WebhookRequestSchema,
  WebhookSchema,
} from "@ninsho/contract";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, IdParam, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { createEndpoint, endpointView } from "../../webhooks/endpoints.js";
import { replayDelivery, updateEndpoint } from "../../webhooks/manage.js";
import { adminRoute, tokenActor } from "./shared.js";

/** Outbound webhook endpoints, their delivery log and replays. */
export function registerWebhooks(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const create = adminRoute(deps, "admin", {
    method: "post",
    path: "/v1/admin/webhooks",
    summary: "Register a webhook endpoint; its signing secret is in this answer only",
    description:
      "Each event of the chosen types is POSTed as JSON with `Ninsho-Signature: t=<unix>,v1=<hex HMAC-SHA256 of \"t.body\">` (Stripe's scheme), retried with exponential backoff for about three days. An address in the server's own network (loopback, private, link-local such as 169.254.169.254, or a name resolving there) is refused with WEBHOOK_TARGET_PRIVATE unless the operator set NINSHO_WEBHOOKS_ALLOW_PRIVATE; each delivery checks the resolved address again and connects to that address only.",
    request: { body: jsonBody(WebhookRequestSchema, "URL and event types") },
    responses: { 201: jsonResponse(CreatedWebhookSchema, "Created"), ...errorResponses(400, 401, 403) },
  });
  app.openapi(create, async (c) => {
    const body = c.req.valid("json");
    const created = await createEndpoint(deps, body, tokenActor(c.get("principal").tokenId));
    if (!created.ok) return respondProblem(c, created.error);
    const { endpoint, secret } = created.value;
    c.header("cache-control", "no-store");
    return c.json({ ...endpointView(endpoint), secret }, 201);
  });

  const list = adminRoute(deps, "readonly", {
    method: "get",
    path: "/v1/admin/webhooks",
    summary: "List webhook endpoints (never their secrets)",
    responses: { 200: jsonResponse(WebhookListSchema, "Endpoints"), ...errorResponses(401) },
  });
  app.openapi(list, async (c) =>
    c.json({ webhooks: (await deps.store.webhooks.listEndpoints()).map(endpointView) }, 200),
  );

  const patch = adminRoute(deps, "admin", {
    method: "patch",
    path: "/v1/admin/webhooks/{id}",
    summary: "Change an endpoint's URL or event types, or disable or enable it",
    request: { params: IdParam("whk"), body: jsonBody(WebhookPatchSchema, "What changes and why") },
    responses: { 200: jsonResponse(WebhookSchema, "The endpoint"), ...errorResponses(400, 401, 403, 404) },
  });
  app.openapi(patch, async (c) => {
    const actor = tokenActor(c.get("principal").tokenId);
    const result = await updateEndpoint(deps, c.req.valid("param").id, c.req.valid("json"), actor);
    return result.ok ? c.json(endpointView(result.value), 200) : respondProblem(c, result.error);
  });

  const deliveries = adminRoute(deps, "readonly", {
    method: "get",
    path: "/v1/admin/webhooks/{id}/deliveries",
    summary: "An endpoint's delivery log, newest first: attempts, last answer, next attempt",
    request: { params: IdParam("whk"), query: DeliveryQuerySchema },
    responses: { 200: jsonResponse(DeliveryListSchema, "Deliveries"), ...errorResponses(400, 401, 404) },
  });
  app.openapi(deliveries, async (c) => {
    const { id } = c.req.valid("param");
    if (!(await deps.store.webhooks.findEndpoint(id))) {
      return respondProblem(c, { code: "WEBHOOK_NOT_FOUND", params: { webhookId: id } });
    }
    const q = c.req.valid("query");
    const page = await deps.store.webhooks.listDeliveries(id, {
      ...(q.status === undefined ? {} : { status: q.status }),
      ...(q.before === undefined ? {} : { before: q.before }),
      ...(q.limit === undefined ? {} : { limit: q.limit }),
    });
    return c.json({ deliveries: page }, 200);
  });

  const replay = adminRoute(deps, "admin", {
    method: "post",
    path: "/v1/admin/deliveries/{id}/replay",
    summary: "Send a delivery again now (after a receiver was fixed), whatever its status",
    request: { params: IdParam("dlv"), body: jsonBody(ReasonSchema, "Why, for the audit log") },
    responses: { 202: jsonResponse(DeliverySchema, "Queued"), ...errorResponses(400, 401, 403, 404) },
  });
  app.openapi(replay, async (c) => {
    const actor = tokenActor(c.get("principal").tokenId);
    const result = await replayDelivery(deps, c.req.valid("param").id, actor, c.req.valid("json").reason);
    return result.ok ? c.json(result.value, 202) : respondProblem(c, result.error);
  });
}
