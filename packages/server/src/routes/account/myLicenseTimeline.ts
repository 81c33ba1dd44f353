import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { PageQuery, TimelineSchema } from "@ninsho/contract";
import { ownerTimeline } from "@ninsho/core";
import { ownedLicenses } from "../../accounts/licenses.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, IdParam, jsonResponse } from "../../schemas/openapi.js";
import { licenseTimeline } from "../../services/timeline.js";
import { accountRoute } from "./shared.js";

export function registerMyLicenseTimeline(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = accountRoute(deps, {
    method: "get",
    path: "/v1/me/licenses/{id}/timeline",
    summary:
      "The history of one of the signed-in account's licenses: activations, refusals, transfers, billing",
    description:
      "Staff notes are left out and staff are named `support`. Another account's license is LICENSE_NOT_FOUND, exactly as a license that does not exist.",
    request: { params: IdParam("lic"), query: z.object(PageQuery) },
    responses: { 200: jsonResponse(TimelineSchema, "The timeline"), ...errorResponses(401, 404) },
  });
  app.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    const { after, limit } = c.req.valid("query");
    const mine = (await ownedLicenses(deps, c.get("account"))).find(({ license }) => license.id === id);
    if (!mine) return respondProblem(c, { code: "LICENSE_NOT_FOUND", params: { licenseId: id } });
    const entries = ownerTimeline(await licenseTimeline(deps, mine.license, { after, limit }));
    return c.json(
      { events: entries.map((e) => ({ ...e, data: { ...e.data }, params: { ...e.params } })) },
      200,
    );
  });
}
