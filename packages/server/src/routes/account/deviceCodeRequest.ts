import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { DeviceCodeRequestSchema, DeviceCodeSchema } from "@ninsho/contract";
import { requestDeviceCode } from "../../accounts/deviceCodes.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";

export function registerDeviceCodeRequest(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = createRoute({
    method: "post",
    path: "/v1/device-codes",
    tags: ["device"],
    summary: "Ask to activate this device with a signed-in owner's license (device-code sign-in)",
    description:
      "RFC 8628's flow: show `userCode` and `verificationUri` to the user, then poll `POST /v1/device-codes/token` every `interval` seconds.",
    request: { body: jsonBody(DeviceCodeRequestSchema, "The product to activate") },
    responses: {
      200: jsonResponse(DeviceCodeSchema, "The codes"),
      ...errorResponses(400, 404, 413, 415),
    },
  });
  app.openapi(route, async (c) => {
    const code = await requestDeviceCode(deps, c.req.valid("json").productId);
    if (!code.ok) return respondProblem(c, code.error);
    c.header("cache-control", "no-store");
    return c.json(code.value, 200);
  });
}
