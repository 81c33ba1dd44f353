import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { ValidationRequestSchema, ValidationSchema } from "@ninsho/contract";
import { fingerprintBinding, keyFingerprint } from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { guardKeyLookup } from "../../http/keyGuard.js";
import { problemBody } from "../../http/problem.js";
import { respondProblem } from "../../http/respond.js";
import { signBody } from "../../http/signed.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { provenRequest } from "../../services/deviceProof.js";
import { probeKey } from "../../services/probeKey.js";
import { type ValidationRequest, validate, validationState } from "../../services/validate.js";
import { licenseView } from "./views.js";

const route = createRoute({
  method: "post",
  path: "/v1/validate",
  tags: ["device"],
  summary: "Check a license on this machine and refresh its lease",
  description:
    "Answers the license state and a refreshed lease, echoing the client's nonce, the whole answer signed with the product key. A license that is suspended, revoked or expired, a deactivated device or another machine's fingerprint give `valid: false` with the problem — still signed. A device of an OEM or bundle license that no longer presents the bound board (or part) gets OEM_BOARD_CHANGED (BUNDLE_COMPONENT_CHANGED) however well the rest of it matches, unless support recorded a warranty repair: then the license rebinds to it, once, as an activation would. A lease of a lineage a re-activation replaced gets LEASE_SUPERSEDED, and a device whose copies were found running on one activation DEVICE_FORKED on every path. By key the answer is the license's state: a lease (and `valid: true`) only for a device that proves itself with its `proof`, else DEVICE_PROOF_REQUIRED. A device with a registered key must send its `proof` (an HMAC-SHA256 by its device secret over the route, the body and the time, within 10 minutes of the server's clock) with its lease, or a failing proof by key: DEVICE_PROOF_INVALID (401), nothing issued. The signed answer carries `fingerprintDigest`, the digest of the fingerprint this request sent.",
  request: {
    body: jsonBody(ValidationRequestSchema, "A key or a lease, the fingerprint, and a fresh nonce"),
  },
  responses: {
    200: jsonResponse(ValidationSchema, "A signed verdict"),
    ...errorResponses(400, 401, 404, 413, 415, 429),
  },
});

export function registerValidate(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    // The request as the device signed it (see services/deviceProof.ts).
    const proven = provenRequest(route.path, body, deps.secrets);
    // Matched and stored only in keyed form: the database never holds a digest the client sent.
    const fingerprint = keyFingerprint(deps.secrets.componentDigests, body.fingerprint);
    const request = (
      body.lease === undefined
        ? { key: body.key ?? "", fingerprint, proven }
        : { lease: body.lease, fingerprint, proven }
    ) satisfies ValidationRequest;
    // A lease is signed and cannot be guessed: only key lookups count against (and read) the guessing limits.
    const result =
      request.lease === undefined
        ? await guardKeyLookup(
            deps,
            c,
            () => probeKey(deps, request.key),
            () => validate(deps, request),
          )
        : await validate(deps, request);
    if (!result.ok) return respondProblem(c, result.error);
    const v = result.value;
    const now = deps.clock();
    const answer = await signBody(deps, v.license.productId, {
      ...validationState(v, now),
      ...(v.problem ? { problem: problemBody(v.problem, c.get("locale")).error } : {}),
      license: licenseView(v.license, v.policy, now),
      ...(v.device ? { device: { id: v.device.id } } : {}),
      ...(v.lease
        ? { lease: v.lease.token, leaseExpiresAt: v.lease.leaseExpiresAt, graceEndsAt: v.lease.graceEndsAt }
        : {}),
      ...(v.explanation ? { decision: { ...v.explanation } } : {}),
      nonce: body.nonce,
      fingerprintDigest: fingerprintBinding(body.fingerprint),
      serverTime: now.toISOString(),
    });
    return c.json(answer, 200);
  });
}
