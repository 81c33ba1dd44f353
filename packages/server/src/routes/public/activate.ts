import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { ActivationRequestSchema, ActivationSchema } from "@ninsho/contract";
import { fingerprintBinding, keyFingerprint } from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { guardKeyLookup } from "../../http/keyGuard.js";
import { respondProblem } from "../../http/respond.js";
import { signBody } from "../../http/signed.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { activate } from "../../services/activate.js";
import { proveNewSecret, provenRequest } from "../../services/deviceProof.js";
import { keyLookupOnce } from "../../services/probeKey.js";
import { licenseView } from "./views.js";

const route = createRoute({
  method: "post",
  path: "/v1/activations",
  tags: ["device"],
  summary: "Activate this machine with a product key",
  description:
    "Recognises the machine if a device of the license matches its fingerprint at or above the policy threshold (200), takes a free slot otherwise (201), or refuses with DEVICE_LIMIT_REACHED listing the devices (409). Within 90 days of a fork on the license (two copies of one machine), a recognition without the device's lease that would take the line of a device whose lease is still live is REACTIVATION_PROOF_REQUIRED (403, naming that device in `details.devices`): the owner moves the license with a transfer instead. Every outcome explains the match. A `deviceSecret` (32 random bytes the machine made) is registered with the device, sealed at rest, when its `proof` (an HMAC by it) checks (DEVICE_PROOF_INVALID, 401, when not); the signed answer carries `fingerprintDigest`, the digest of the fingerprint this request sent.",
  request: {
    body: jsonBody(ActivationRequestSchema, "The key as typed, the machine's fingerprint and a name for it"),
  },
  responses: {
    200: jsonResponse(ActivationSchema, "The same device recognised; a fresh lease"),
    201: jsonResponse(ActivationSchema, "A new device in a free slot"),
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429),
  },
});

export function registerActivate(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    // The device secret the machine made: sealed and registered with the device once a proof by it checks.
    const proven = provenRequest(route.path, body, deps.secrets);
    const secret = proveNewSecret(proven, deps.clock());
    if (!secret.ok) return respondProblem(c, secret.error);
    // Matched and stored only in keyed form: the database never holds a digest the client sent.
    const fingerprint = keyFingerprint(deps.secrets.componentDigests, body.fingerprint);
    const lookup = keyLookupOnce(deps, body.key);
    const result = await guardKeyLookup(deps, c, lookup.probe, () =>
      activate(deps, { ...body, ...secret.value, fingerprint }, lookup.found),
    );
    if (!result.ok) return respondProblem(c, result.error);
    const { license, policy, device, lease, decision, created } = result.value;
    const now = deps.clock();
    const answer = await signBody(deps, license.productId, {
      device: {
        id: device.id,
        name: device.name,
        platform: device.platform,
        activatedAt: device.activatedAt,
      },
      license: licenseView(license, policy, now),
      lease: lease.token,
      leaseExpiresAt: lease.leaseExpiresAt,
      graceEndsAt: lease.graceEndsAt,
      decision,
      ...(body.nonce === undefined ? {} : { nonce: body.nonce }),
      fingerprintDigest: fingerprintBinding(body.fingerprint),
      serverTime: now.toISOString(),
    });
    return c.json(answer, created ? 201 : 200);
  });
}
