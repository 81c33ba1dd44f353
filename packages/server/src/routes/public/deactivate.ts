import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { DeactivationRequestSchema, DeactivationSchema } from "@ninsho/contract";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { signBody } from "../../http/signed.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { deactivateByLease } from "../../services/deactivate.js";
import { provenRequest } from "../../services/deviceProof.js";

const route = createRoute({
  method: "post",
  path: "/v1/deactivations",
  tags: ["device"],
  summary: "Deactivate this machine, freeing its slot",
  request: {
    body: jsonBody(
      DeactivationRequestSchema,
      "The device's current lease names the device, and its device proof shows the device asks",
    ),
  },
  responses: {
    200: jsonResponse(DeactivationSchema, "The device no longer holds a slot"),
    ...errorResponses(400, 401, 403, 404, 413, 415),
  },
});

export function registerDeactivate(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const proven = provenRequest(route.path, body, deps.secrets);
    const result = await deactivateByLease(deps, body.lease, proven);
    if (!result.ok) return respondProblem(c, result.error);
    const device = result.value;
    const license = await deps.store.licenses.findById(device.licenseId);
    if (!license) throw new Error(`device ${device.id} has no license`);
    const answer = await signBody(deps, license.productId, {
      device: { id: device.id, deactivatedAt: device.deactivatedAt ?? deps.clock().toISOString() },
      ...(body.nonce === undefined ? {} : { nonce: body.nonce }),
      serverTime: deps.clock().toISOString(),
    });
    return c.json(answer, 200);
  });
}
