import type { OpenAPIHono } from "@hono/zod-openapi";
import { SeatUsageQuerySchema, SeatUsageSchema } from "@ninsho/contract";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, IdParam, jsonResponse } from "../../schemas/openapi.js";
import { seatView } from "../../services/seats/seatLeases.js";
import { seatUsage } from "../../services/seats/usage.js";
import { adminRoute } from "./shared.js";

export function registerSeatUsage(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const route = adminRoute(deps, "readonly", {
    method: "get",
    path: "/v1/admin/licenses/{id}/seats",
    summary: "A license's seats: held now, and peak concurrent seats (instances) per UTC day",
    request: { params: IdParam("lic"), query: SeatUsageQuerySchema },
    responses: { 200: jsonResponse(SeatUsageSchema, "Seats and daily peaks"), ...errorResponses(401, 404) },
  });
  app.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    const { days } = c.req.valid("query");
    const result = await seatUsage(deps, id, days);
    if (!result.ok) return respondProblem(c, result.error);
    const { held, ...rest } = result.value;
    const view = held.map((s) => ({ ...seatView(s), name: s.name, platform: s.platform }));
    return c.json({ ...rest, held: view }, 200);
  });
}
