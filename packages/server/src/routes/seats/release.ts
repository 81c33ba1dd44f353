import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { SeatReturnRequestSchema, SeatReturnSchema } from "@ninsho/contract";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { bearerSecret } from "../../services/seats/credentials.js";
import { releaseSeat } from "../../services/seats/release.js";
import { SeatIdParam, SeatSecretHeader } from "./shared.js";

const route = createRoute({
  method: "delete",
  path: "/v1/seats/{id}",
  tags: ["seats"],
  summary: "Return a seat: it is free at once",
  description:
    "Only the holder returns a seat: with its device proof (in an optional JSON body, made with the device secret it registered at check-out), else with Authorization: Bearer <the seat's secret>; anyone else is told SEAT_NOT_FOUND. Returning a seat twice answers its first return.",
  request: {
    params: SeatIdParam,
    headers: SeatSecretHeader,
    body: {
      ...jsonBody(
        SeatReturnRequestSchema,
        "The holder's device proof, for a seat checked out with a device secret",
      ),
      required: false,
    },
  },
  responses: {
    200: jsonResponse(SeatReturnSchema, "The seat is returned"),
    ...errorResponses(400, 401, 404),
  },
});

export function registerSeatRelease(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    // A body is optional: a seat kept by its secret is returned with the header alone.
    const body: Record<string, unknown> = (c.req.valid("json") as Record<string, unknown> | undefined) ?? {};
    const secret = bearerSecret(c.req.valid("header").authorization);
    const credentials = { secret, path: c.req.path, body, proof: body.proof };
    const result = await releaseSeat(deps, id, credentials);
    if (!result.ok) return respondProblem(c, result.error);
    const { seat } = result.value;
    return c.json({ id: seat.id, returnedAt: seat.returnedAt ?? deps.clock().toISOString() }, 200);
  });
}
