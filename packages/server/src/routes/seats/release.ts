import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { SeatReturnSchema } from "@ninsho/contract";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, jsonResponse } from "../../schemas/openapi.js";
import { bearerSecret } from "../../services/seats/credentials.js";
import { releaseSeat } from "../../services/seats/release.js";
import { SeatIdParam, SeatSecretHeader } from "./shared.js";

const route = createRoute({
  method: "delete",
  path: "/v1/seats/{id}",
  tags: ["seats"],
  summary: "Return a seat: it is free at once",
  description:
    "Only the holder (Authorization: Bearer <the seat's secret>) returns a seat; anyone else is told SEAT_NOT_FOUND. Returning a seat twice answers its first return.",
  request: { params: SeatIdParam, headers: SeatSecretHeader },
  responses: {
    200: jsonResponse(SeatReturnSchema, "The seat is returned"),
    ...errorResponses(404),
  },
});

export function registerSeatRelease(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    const result = await releaseSeat(deps, id, bearerSecret(c.req.valid("header").authorization));
    if (!result.ok) return respondProblem(c, result.error);
    const { seat } = result.value;
    return c.json({ id: seat.id, returnedAt: seat.returnedAt ?? deps.clock().toISOString() }, 200);
  });
}
