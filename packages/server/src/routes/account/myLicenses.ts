import type { OpenAPIHono } from "@hono/zod-openapi";
import { MyLicensesSchema } from "@ninsho/contract";
import { myLicenseView, ownedLicenses } from "../../accounts/licenses.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { errorResponses, jsonResponse } from "../../schemas/openapi.js";
import { accountRoute } from "./shared.js";

export function registerMyLicenses(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = accountRoute(deps, {
    method: "get",
    path: "/v1/me/licenses",
    summary: "The signed-in account's licenses, with their devices and transfers left",
    description:
      "Licenses linked by key, and (once the email is verified) those the vendor sold to the account's email.",
    responses: { 200: jsonResponse(MyLicensesSchema, "The licenses"), ...errorResponses(401) },
  });
  app.openapi(route, async (c) => {
    const owned = await ownedLicenses(deps, c.get("account"));
    const licenses = await Promise.all(
      owned.map(({ license, via }) => myLicenseView(deps, license, via, c.get("locale"))),
    );
    return c.json({ licenses }, 200);
  });
}
