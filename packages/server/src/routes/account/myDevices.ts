import type { OpenAPIHono } from "@hono/zod-openapi";
import { MyDeviceSchema, RenameDeviceRequestSchema } from "@ninsho/contract";
import { releaseOwnedDevice, renameOwnedDevice } from "../../accounts/devices.js";
import { myDeviceView } from "../../accounts/licenses.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, IdParam, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { accountRoute } from "./shared.js";

const NOT_MINE = "Another account's device is DEVICE_NOT_FOUND, exactly as a device that does not exist.";

/** The owner's own devices: rename one, or free its slot ("I no longer use this device"). */
export function registerMyDevices(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const rename = accountRoute(deps, {
    method: "patch",
    path: "/v1/me/devices/{id}",
    summary: "Rename a device of one of the signed-in account's licenses",
    description: `The timeline keeps the old and the new name. ${NOT_MINE}`,
    request: { params: IdParam("dev"), body: jsonBody(RenameDeviceRequestSchema, "The new name") },
    responses: {
      200: jsonResponse(MyDeviceSchema, "The device, renamed"),
      ...errorResponses(400, 401, 403, 404, 413, 415),
    },
  });
  app.openapi(rename, async (c) => {
    const { id } = c.req.valid("param");
    const result = await renameOwnedDevice(deps, c.get("account"), id, c.req.valid("json").name);
    if (!result.ok) return respondProblem(c, result.error);
    return c.json(myDeviceView(result.value), 200);
  });

  const release = accountRoute(deps, {
    method: "post",
    path: "/v1/me/devices/{id}/deactivate",
    summary: "I no longer use this device: free its slot on the license",
    description: `A deactivation by the owner, logged in the timeline with the account as actor. The machine runs out its current lease, then is refused with DEVICE_DEACTIVATED. Already deactivated: DEVICE_DEACTIVATED. ${NOT_MINE}`,
    request: { params: IdParam("dev") },
    responses: {
      200: jsonResponse(MyDeviceSchema, "The device, deactivated"),
      ...errorResponses(401, 403, 404),
    },
  });
  app.openapi(release, async (c) => {
    const { id } = c.req.valid("param");
    const result = await releaseOwnedDevice(deps, c.get("account"), id);
    if (!result.ok) return respondProblem(c, result.error);
    return c.json(myDeviceView(result.value), 200);
  });
}
