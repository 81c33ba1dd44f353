import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { DeviceCodeGrantSchema, DeviceCodeTokenRequestSchema } from "@ninsho/contract";
import { redeemDeviceCode } from "../../accounts/deviceCodes.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";

export function registerDeviceCodeToken(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = createRoute({
    method: "post",
    path: "/v1/device-codes/token",
    tags: ["device"],
    summary: "Poll a device code: pending, or the approved license's key (once)",
    description:
      "400 DEVICE_CODE_PENDING until the owner approves; then 200 with the license id and key, which the device activates with as usual; 410 DEVICE_CODE_EXPIRED afterwards.",
    request: { body: jsonBody(DeviceCodeTokenRequestSchema, "The device code") },
    responses: {
      200: jsonResponse(DeviceCodeGrantSchema, "The license and its key"),
      ...errorResponses(400, 410, 413, 415),
    },
  });
  app.openapi(route, async (c) => {
    const grant = await redeemDeviceCode(deps, c.req.valid("json").deviceCode);
    if (!grant.ok) return respondProblem(c, grant.error);
    c.header("cache-control", "no-store");
    return c.json(grant.value, 200);
  });
}
