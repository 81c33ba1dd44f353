import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { keyFingerprint } from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { guardKeyLookup } from "../../http/keyGuard.js";
import { problemBody } from "../../http/problem.js";
import { respondProblem } from "../../http/respond.js";
import { signBody } from "../../http/signed.js";
import { ErrorSchema, errorResponses, IsoInstant, jsonBody, jsonResponse } from "../../schemas/common.js";
import {
  FingerprintSchema,
  LicenseViewSchema,
  MatchSchema,
  NonceSchema,
  ProductKeyInput,
  SignedFields,
} from "../../schemas/device.js";
import { type ValidationRequest, validate, validationState } from "../../services/validate.js";
import { licenseView } from "./views.js";

const ValidationRequestSchema = z
  .object({
    key: ProductKeyInput.optional(),
    lease: z.string().min(1).max(8192).optional().openapi({ description: "The lease the device holds" }),
    fingerprint: FingerprintSchema,
    nonce: NonceSchema,
  })
  .strict()
  .refine((body) => (body.key === undefined) !== (body.lease === undefined), {
    message: "send exactly one of key or lease",
    path: ["key"],
  })
  .openapi("ValidationRequest");

const ValidationSchema = z
  .object({
    valid: z.boolean().openapi({ description: "Whether the app may run on this machine now" }),
    state: z.enum(["active", "suspended", "revoked", "expired"]),
    problem: ErrorSchema.shape.error
      .optional()
      .openapi({ description: "Why it is not valid (signed, so an app can trust it)" }),
    license: LicenseViewSchema,
    device: z.object({ id: z.string() }).optional(),
    lease: z
      .string()
      .optional()
      .openapi({ description: "The current lease, re-issued when a quarter of it has passed" }),
    leaseExpiresAt: IsoInstant.optional(),
    graceEndsAt: IsoInstant.optional(),
    decision: MatchSchema.optional(),
    nonce: z.string().openapi({ description: "The client's nonce, echoed under the signature" }),
    ...SignedFields,
  })
  .openapi("Validation");

const route = createRoute({
  method: "post",
  path: "/v1/validate",
  tags: ["device"],
  summary: "Check a license on this machine and refresh its lease",
  description:
    "Answers the license state and a refreshed lease, echoing the client's nonce, the whole answer signed with the product key. A license that is suspended, revoked or expired, a deactivated device or another machine's fingerprint give `valid: false` with the problem — still signed.",
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
    // Matched and stored only in keyed form: the database never holds a digest the client sent.
    const fingerprint = keyFingerprint(deps.secrets.componentDigests, body.fingerprint);
    const request = (
      body.lease === undefined ? { key: body.key ?? "", fingerprint } : { lease: body.lease, fingerprint }
    ) satisfies ValidationRequest;
    // A lease is signed and cannot be guessed: only key lookups count against (and read) the guessing limits.
    const result =
      request.lease === undefined
        ? await guardKeyLookup(deps, c, () => validate(deps, request))
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
      serverTime: now.toISOString(),
    });
    return c.json(answer, 200);
  });
}
