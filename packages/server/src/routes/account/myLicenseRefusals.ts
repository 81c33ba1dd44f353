import type { OpenAPIHono } from "@hono/zod-openapi";
import { RefusalsSchema } from "@ninsho/contract";
import { ownedLicenses } from "../../accounts/licenses.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, IdParam, jsonResponse } from "../../schemas/openapi.js";
import { explainRefusal, REFUSAL_EVENT_TYPES } from "../../services/refusalExplanations.js";
import { accountRoute } from "./shared.js";

/** The last few refusals say what the owner is running into now; older ones are in the timeline. */
const LAST_REFUSALS = 10;

/**
 * The portal's troubleshooter reads the refusals of the owner's own license, explained by the one catalogue
 * in the reader's language (the same words support reads).
 */
export function registerMyLicenseRefusals(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = accountRoute(deps, {
    method: "get",
    path: "/v1/me/licenses/{id}/refusals",
    summary: "The last refusals of one of the signed-in account's licenses, explained",
    description:
      "Newest first, at most 10: the catalogue's message and remedy in the reader's language, and from the closest known device its score, the threshold and the components that did not match. Another account's license is LICENSE_NOT_FOUND, exactly as a license that does not exist.",
    request: { params: IdParam("lic") },
    responses: { 200: jsonResponse(RefusalsSchema, "The refusals"), ...errorResponses(401, 404) },
  });
  app.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    const mine = (await ownedLicenses(deps, c.get("account"))).find(({ license }) => license.id === id);
    if (!mine) return respondProblem(c, { code: "LICENSE_NOT_FOUND", params: { licenseId: id } });
    const events = await deps.store.events.listTypesSince(id, REFUSAL_EVENT_TYPES, new Date(0).toISOString());
    const locale = c.get("locale");
    const last = events.slice(-LAST_REFUSALS).reverse();
    return c.json({ refusals: last.map((event) => explainRefusal(event, locale)) }, 200);
  });
}
