import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { DeviceCodeApprovalSchema } from "@ninsho/contract";
import { approveDeviceCode } from "../../accounts/deviceCodes.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { accountRoute, respondRefusal } from "./shared.js";

export function registerDeviceCodeApprove(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = accountRoute(deps, {
    method: "post",
    path: "/v1/me/device-codes/approve",
    summary: "Approve a device showing a code, for one of this account's licenses of its product",
    request: { body: jsonBody(DeviceCodeApprovalSchema, "The code the device shows, and the license") },
    responses: {
      200: jsonResponse(
        z.object({ status: z.literal("approved") }),
        "The device can now collect the license",
      ),
      ...errorResponses(400, 401, 403, 404, 413, 415, 429),
    },
  });
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const done = await approveDeviceCode(deps, c.get("account"), body.userCode, body.licenseId);
    if (!done.ok) return respondRefusal(c, done.error);
    return c.json({ status: "approved" as const }, 200);
  });
}
