import type { OpenAPIHono } from "@hono/zod-openapi";
import { LinkLicenseRequestSchema, MyLicenseSchema } from "@ninsho/contract";
import { linkLicense, myLicenseView } from "../../accounts/licenses.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { guardKeyLookup } from "../../http/keyGuard.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { findLicenseByKey } from "../../services/licenseByKey.js";
import { probeKey } from "../../services/probeKey.js";
import { accountRoute } from "./shared.js";

export function registerLinkLicense(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = accountRoute(deps, {
    method: "post",
    path: "/v1/me/licenses",
    summary: "Link a license to the signed-in account with its product key",
    description:
      "Refused (LICENSE_OWNED_ELSEWHERE) when another account linked it or the vendor sold it to another email. Wrong keys count against the key-guessing limits like any key lookup.",
    request: { body: jsonBody(LinkLicenseRequestSchema, "The product key, as typed") },
    responses: {
      200: jsonResponse(MyLicenseSchema, "The license, linked"),
      ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429),
    },
  });
  app.openapi(route, async (c) => {
    const { key } = c.req.valid("json");
    const account = c.get("account");
    const linked = await guardKeyLookup(
      deps,
      c,
      () => probeKey(deps, key),
      async () => {
        const found = await findLicenseByKey(deps, key);
        return found.ok ? linkLicense(deps, account, found.value) : found;
      },
    );
    if (!linked.ok) return respondProblem(c, linked.error);
    return c.json(await myLicenseView(deps, linked.value.license, linked.value.via, c.get("locale")), 200);
  });
}
