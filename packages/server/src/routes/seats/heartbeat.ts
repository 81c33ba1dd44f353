import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { SeatHeartbeatRequestSchema, SeatHeartbeatSchema } from "@ninsho/contract";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { signBody } from "../../http/signed.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { bearerSecret } from "../../services/seats/credentials.js";
import { heartbeat } from "../../services/seats/heartbeat.js";
import { heartbeatInterval, seatView } from "../../services/seats/seatLeases.js";
import { SeatIdParam, SeatSecretHeader } from "./shared.js";

const route = createRoute({
  method: "post",
  path: "/v1/seats/{id}/heartbeats",
  tags: ["seats"],
  summary: "Keep a seat: its expiry moves to the policy's heartbeat timeout ahead",
  description:
    "Only the holder renews a seat: with its device proof over this request (made with the device secret it registered at check-out), else with Authorization: Bearer <the seat's secret>; anyone else is told SEAT_NOT_FOUND. A seat returned or lapsed is SEAT_EXPIRED (410): check a seat out again.",
  request: {
    params: SeatIdParam,
    headers: SeatSecretHeader,
    body: jsonBody(SeatHeartbeatRequestSchema, "An optional nonce, echoed under the signature"),
  },
  responses: {
    200: jsonResponse(SeatHeartbeatSchema, "The seat's new expiry and a fresh lease"),
    ...errorResponses(400, 401, 403, 404, 410, 413, 415),
  },
});

export function registerSeatHeartbeat(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const secret = bearerSecret(c.req.valid("header").authorization);
    const credentials = { secret, path: c.req.path, body, proof: body.proof };
    const result = await heartbeat(deps, id, credentials);
    if (!result.ok) return respondProblem(c, result.error);
    const { license, policy, seat, lease } = result.value;
    const answer = await signBody(deps, license.productId, {
      seat: seatView(seat),
      lease,
      heartbeatIntervalSeconds: heartbeatInterval(policy),
      ...(body.nonce === undefined ? {} : { nonce: body.nonce }),
      serverTime: deps.clock().toISOString(),
    });
    return c.json(answer, 200);
  });
}
