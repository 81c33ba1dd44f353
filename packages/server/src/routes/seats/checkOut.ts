import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { SeatCheckOutRequestSchema, SeatCheckOutSchema } from "@ninsho/contract";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { guardKeyLookup } from "../../http/keyGuard.js";
import { respondProblem } from "../../http/respond.js";
import { signBody } from "../../http/signed.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { proveNewSecret } from "../../services/deviceProof.js";
import { probeKey } from "../../services/probeKey.js";
import { checkOut } from "../../services/seats/checkOut.js";
import { heartbeatInterval, seatView } from "../../services/seats/seatLeases.js";
import { licenseView } from "../public/views.js";

const route = createRoute({
  method: "post",
  path: "/v1/seats",
  tags: ["seats"],
  summary: "Check a seat out of a floating or workload license",
  description:
    "Takes a seat for this machine (floating) or this workload identity (workload): the holder's own seat again if it holds one, a free seat, or an overage seat within the policy's window (201); a full pool is refused with NO_SEAT_AVAILABLE, how many seats are held and when the next one frees (409). The seat is held until its expiresAt; heartbeats move it, DELETE returns it.",
  request: {
    body: jsonBody(SeatCheckOutRequestSchema, "The key, and the machine or workload that holds the seat"),
  },
  responses: {
    201: jsonResponse(SeatCheckOutSchema, "A seat, its secret (shown once) and its signed lease"),
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429),
  },
});

export function registerSeatCheckOut(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    // A device secret the holder made: sealed with the seat once a proof made with it verifies (its time is not
    // checked, as an activation's is not: sending the same check-out again changes nothing).
    const proven = { path: route.path, body, proof: body.proof, deviceSecret: body.deviceSecret };
    const registered = proveNewSecret(proven, deps.clock());
    if (!registered.ok) return respondProblem(c, registered.error);
    const result = await guardKeyLookup(
      deps,
      c,
      () => probeKey(deps, body.key),
      () => checkOut(deps, { ...body, deviceSecret: registered.value.deviceSecret }),
    );
    if (!result.ok) return respondProblem(c, result.error);
    const { license, policy, seat, secret, lease, explanation } = result.value;
    const now = deps.clock();
    const answer = await signBody(deps, license.productId, {
      seat: seatView(seat),
      secret,
      lease,
      heartbeatIntervalSeconds: heartbeatInterval(policy),
      license: licenseView(license, policy, now),
      explanation: {
        seats: explanation.seats,
        held: explanation.held,
        overageAllowed: explanation.overageAllowed,
        heartbeatTimeoutSeconds: explanation.heartbeatTimeoutSeconds,
      },
      ...(body.nonce === undefined ? {} : { nonce: body.nonce }),
      serverTime: now.toISOString(),
    });
    return c.json(answer, 201);
  });
}
