import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { LicenseUsageRequestSchema, LicenseUsageSchema } from "@ninsho/contract";
import { licenseState, ok, summarizeDevice } from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { guardKeyLookup } from "../../http/keyGuard.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { findLicenseByKey } from "../../services/licenseByKey.js";
import { probeKey } from "../../services/probeKey.js";

const route = createRoute({
  method: "post",
  path: "/v1/licenses/usage",
  tags: ["device"],
  summary: "How many activations of a license are used, and by which machines (for a volume key's IT admin)",
  description:
    "The key is the proof: whoever holds a volume key sees its used and total devices, with the names and platforms they were activated with (never a hardware digest). Counted against the key-guessing limits like any key lookup.",
  request: { body: jsonBody(LicenseUsageRequestSchema, "The product key") },
  responses: {
    200: jsonResponse(LicenseUsageSchema, "Used and total devices, and the devices"),
    ...errorResponses(400, 404, 413, 415, 429),
  },
});

export function registerUsage(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(route, async (c) => {
    const { key } = c.req.valid("json");
    const result = await guardKeyLookup(
      deps,
      c,
      () => probeKey(deps, key),
      async () => {
        const found = await findLicenseByKey(deps, key);
        if (!found.ok) return found;
        const license = found.value;
        const [policy, devices] = await Promise.all([
          deps.policies.get(license.policyId),
          deps.store.devices.listActive(license.id),
        ]);
        if (!policy) throw new Error(`license ${license.id} has no policy`);
        return ok({
          licenseId: license.id,
          channel: policy.channel,
          state: licenseState(license, deps.clock()),
          used: devices.length,
          total: policy.maxDevices,
          devices: devices.map(summarizeDevice),
        });
      },
    );
    return result.ok ? c.json(result.value, 200) : respondProblem(c, result.error);
  });
}
