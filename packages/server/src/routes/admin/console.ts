import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  RefusalsSchema,
  SearchRequestSchema,
  SearchResultSchema,
  StatsQuerySchema,
  StatsSchema,
} from "@ninsho/contract";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, IdParam, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { STATS_EVENT_TYPES, summarizeEvents } from "../../services/consoleStats.js";
import { VALIDATIONS } from "../../services/lastSeen.js";
import { searchLicenses } from "../../services/licenseSearch.js";
import { explainRefusal, REFUSAL_EVENT_TYPES } from "../../services/refusalExplanations.js";
import { adminLicenseView, adminRoute } from "./shared.js";

/** At most this many events are counted for one answer, so a chart never costs more than a bounded read. */
const MAX_EVENTS = 100_000;
const DAY_MS = 86_400_000;
/** The refusals support reads: the last few say what the customer is running into now. */
const LAST_REFUSALS = 10;

/** What the web console reads for its charts and its search box. */
export function registerConsoleReads(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const stats = adminRoute(deps, "readonly", {
    method: "get",
    path: "/v1/admin/stats",
    summary: "Counts for the console's charts, from the events table",
    description:
      "Activations, recognitions, refusals (by code), transfers and validations per UTC day, licenses by active devices, and the spread of match scores of accepted and refused activations.",
    request: { query: StatsQuerySchema },
    responses: { 200: jsonResponse(StatsSchema, "The counts"), ...errorResponses(400, 401) },
  });
  app.openapi(stats, async (c) => {
    const { days } = c.req.valid("query");
    const now = deps.clock();
    const since = new Date(now.getTime() - days * DAY_MS).toISOString();
    const events = await deps.store.events.listAllTypesSince(STATS_EVENT_TYPES, since, MAX_EVENTS);
    const summary = summarizeEvents(events, now, days, events.length === MAX_EVENTS);
    // This process's validations not yet written are written now (one upsert), so the chart includes them;
    // other processes' reach the row within their flush interval.
    await deps.lastSeen.flush();
    const validated = await deps.store.dailyCounts.list(VALIDATIONS, summary.since.slice(0, 10));
    const byDay = new Map(validated.map((d) => [d.day, d.count]));
    const perDay = summary.perDay.map((d) => ({ ...d, validations: byDay.get(d.day) ?? 0 }));
    const devicesPerLicense = await deps.store.devices.activeDeviceHistogram();
    return c.json({ ...summary, perDay, devicesPerLicense }, 200);
  });

  // POST, the query in the body: it may be a product key, which must not land in URLs and their logs.
  const search = adminRoute(deps, "readonly", {
    method: "post",
    path: "/v1/admin/licenses/search",
    summary: "Find licenses by key, owner email, license id, device id, device name or installation ID",
    request: { body: jsonBody(SearchRequestSchema, "Any identifier") },
    responses: {
      200: jsonResponse(SearchResultSchema, "The licenses found, each with what it was found by"),
      ...errorResponses(400, 401, 413, 415),
    },
  });
  app.openapi(search, async (c) => {
    const matches = await searchLicenses(deps, c.req.valid("json").query);
    const now = deps.clock();
    return c.json(
      {
        matches: matches.map((m) => ({
          kind: m.kind,
          license: adminLicenseView(m.license, now),
          ...(m.deviceId === undefined ? {} : { deviceId: m.deviceId }),
        })),
      },
      200,
    );
  });

  const refusals = adminRoute(deps, "readonly", {
    method: "get",
    path: "/v1/admin/licenses/{id}/refusals",
    summary: "A license's last refusals, explained in the reader's language",
    description:
      "Newest first: devices turned away and seats refused (a full pool, a lapsed seat), with the catalogue's message and remedy, and from the closest known device its score, the threshold and the components that did not match.",
    request: { params: IdParam("lic") },
    responses: { 200: jsonResponse(RefusalsSchema, "The refusals"), ...errorResponses(401, 404) },
  });
  app.openapi(refusals, async (c) => {
    const { id } = c.req.valid("param");
    if (!(await deps.store.licenses.findById(id)))
      return respondProblem(c, { code: "LICENSE_NOT_FOUND", params: { licenseId: id } });
    const events = await deps.store.events.listTypesSince(id, REFUSAL_EVENT_TYPES, new Date(0).toISOString());
    const locale = c.get("locale");
    const last = events.slice(-LAST_REFUSALS).reverse();
    return c.json({ refusals: last.map((event) => explainRefusal(event, locale)) }, 200);
  });
}
