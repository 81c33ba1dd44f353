import type { OpenAPIHono } from "@hono/zod-openapi";
import { MyLicenseSchema } from "@ninsho/contract";
import { myLicenseView, ownedLicenses } from "../../accounts/licenses.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, IdParam, jsonResponse } from "../../schemas/openapi.js";
import { accountRoute } from "./shared.js";

export function registerMyLicense(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = accountRoute(deps, {
    method: "get",
    path: "/v1/me/licenses/{id}",
    summary: "One of the signed-in account's licenses",
    description: "Another account's license is LICENSE_NOT_FOUND, exactly as a license that does not exist.",
    request: { params: IdParam("lic") },
    responses: { 200: jsonResponse(MyLicenseSchema, "The license"), ...errorResponses(401, 404) },
  });
  app.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    const mine = (await ownedLicenses(deps, c.get("account"))).find(({ license }) => license.id === id);
    if (!mine) return respondProblem(c, { code: "LICENSE_NOT_FOUND", params: { licenseId: id } });
    return c.json(await myLicenseView(deps, mine.license, mine.via, c.get("locale")), 200);
  });
}
