import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { TransferRequestSchema, TransferSchema } from "@ninsho/contract";
import { fingerprintBinding, keyFingerprint } from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { guardKeyLookup } from "../../http/keyGuard.js";
import { respondProblem } from "../../http/respond.js";
import { signBody } from "../../http/signed.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { proveNewSecret, provenRequest } from "../../services/deviceProof.js";
import { probeKey } from "../../services/probeKey.js";
import { transfer } from "../../services/transfer.js";

const route = createRoute({
  method: "post",
  path: "/v1/transfers",
  tags: ["device"],
  summary: "Move the license from an old machine to this one",
  description:
    "Self-service, for whoever holds the key, within the policy's transfer allowance (e.g. 3 per 365 days). The old device is deactivated in the same transaction; its lease runs out on its own. The new machine registers its `deviceSecret` with a `proof` made within 10 minutes of the server's time (else DEVICE_PROOF_INVALID, 401).",
  request: { body: jsonBody(TransferRequestSchema, "The key, the device to replace, and this machine") },
  responses: {
    201: jsonResponse(TransferSchema, "This machine now holds the slot"),
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429),
  },
});

export function registerTransfer(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    // The new machine's device secret, sealed and registered with its new device once a proof by it checks.
    const proven = provenRequest(route.path, body, deps.secrets);
    const secret = proveNewSecret(proven, deps.clock(), true);
    if (!secret.ok) return respondProblem(c, secret.error);
    // Matched and stored only in keyed form: the database never holds a digest the client sent.
    const fingerprint = keyFingerprint(deps.secrets.componentDigests, body.fingerprint);
    const result = await guardKeyLookup(
      deps,
      c,
      () => probeKey(deps, body.key),
      () => transfer(deps, { ...body, ...secret.value, fingerprint }),
    );
    if (!result.ok) return respondProblem(c, result.error);
    const { device, lease, fromDeviceId, transfersLeft, productId } = result.value;
    const answer = await signBody(deps, productId, {
      device: { id: device.id, name: device.name },
      fromDeviceId,
      transfersLeft,
      lease: lease.token,
      leaseExpiresAt: lease.leaseExpiresAt,
      graceEndsAt: lease.graceEndsAt,
      ...(body.nonce === undefined ? {} : { nonce: body.nonce }),
      fingerprintDigest: fingerprintBinding(body.fingerprint),
      serverTime: deps.clock().toISOString(),
    });
    return c.json(answer, 201);
  });
}
