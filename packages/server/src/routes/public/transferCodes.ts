import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { TransferCodeSentSchema, TransferKeyRequestSchema, TransferOptionsSchema } from "@ninsho/contract";
import { ok } from "@ninsho/core";
import { myDeviceView } from "../../accounts/licenses.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { guardKeyLookup } from "../../http/keyGuard.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { findLicenseByKey } from "../../services/licenseByKey.js";
import { probeKey } from "../../services/probeKey.js";
import { allowanceOf } from "../../transfers/allowance.js";
import { ownerOf, sendTransferCode } from "../../transfers/codes.js";
import { respondRefusal } from "../account/shared.js";

const codes = createRoute({
  method: "post",
  path: "/v1/transfers/codes",
  tags: ["device"],
  summary: "Mail a code to the license's owner, to prove a transfer made with the key",
  description:
    "The code goes to the account the license is linked to, else to the email the vendor sold it to (TRANSFER_PROOF_REQUIRED when it has neither: link it to an account first). It works for 15 minutes and 5 tries; a new one voids the one before; 3 an hour per license (RATE_LIMITED). Unknown keys count against the key-guessing limits.",
  request: { body: jsonBody(TransferKeyRequestSchema, "The product key") },
  responses: {
    202: jsonResponse(TransferCodeSentSchema, "A code is on its way to the owner"),
    ...errorResponses(400, 401, 404, 413, 415, 429),
  },
});

const options = createRoute({
  method: "post",
  path: "/v1/transfers/options",
  tags: ["device"],
  summary: "Before a transfer with the key: the license's devices and the allowance left",
  description:
    "What a holder of the key sees before choosing the device this machine replaces: the devices (no hardware data), the transfers left in the last 365 days, the cool-down, and when the next is possible if none is now. Moves nothing. Unknown keys count against the key-guessing limits.",
  request: { body: jsonBody(TransferKeyRequestSchema, "The product key") },
  responses: {
    200: jsonResponse(TransferOptionsSchema, "The license's devices and allowance"),
    ...errorResponses(400, 404, 413, 415, 429),
  },
});

export function registerTransferCodes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(codes, async (c) => {
    const { key } = c.req.valid("json");
    const sent = await guardKeyLookup(
      deps,
      c,
      () => probeKey(deps, key),
      async () => {
        const found = await findLicenseByKey(deps, key);
        return found.ok ? sendTransferCode(deps, found.value, c.get("locale")) : found;
      },
    );
    if (!sent.ok) return respondRefusal(c, sent.error);
    c.header("cache-control", "no-store");
    return c.json({ status: "mail_sent" as const, ...sent.value }, 202);
  });
  app.openapi(options, async (c) => {
    const { key } = c.req.valid("json");
    const shown = await guardKeyLookup(
      deps,
      c,
      () => probeKey(deps, key),
      async () => {
        const found = await findLicenseByKey(deps, key);
        if (!found.ok) return found;
        const license = found.value;
        const [owner, devices, transfers] = await Promise.all([
          ownerOf(deps, license, c.get("locale")),
          deps.store.devices.listActive(license.id),
          allowanceOf(deps, license),
        ]);
        const view = { licenseId: license.id, productId: license.productId, owner: owner.kind };
        return ok({ ...view, devices: devices.map(myDeviceView), transfers });
      },
    );
    if (!shown.ok) return respondRefusal(c, shown.error);
    c.header("cache-control", "no-store");
    return c.json(shown.value, 200);
  });
}
