import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  BillingAnswerSchema,
  BillingEventSchema,
  BillingSecretRequestSchema,
  BillingSecretSchema,
  StripeEventSchema,
} from "@ninsho/contract";
import { type BillingFact, licenseState, type Problem, verifyWebhook } from "@ninsho/core";
import type { Context } from "hono";
import { applyBillingEvent, type BillingOutcome } from "../../billing/apply.js";
import { type BillingSource, billingSecret, setBillingSecret } from "../../billing/secrets.js";
import { mapStripeEvent } from "../../billing/stripe.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { adminRoute, tokenActor } from "../admin/shared.js";

/** The raw bodies of billing requests, read before validation: a signature covers the exact bytes sent. */
const rawBodies = new WeakMap<Request, string>();

/** The generic event's type as a billing fact. */
function factOf(event: z.infer<typeof BillingEventSchema>): BillingFact {
  switch (event.type) {
    case "subscription.renewed":
      return { kind: "renewed", periodEnd: event.periodEnd };
    case "payment.failed":
      return { kind: "payment_failed", graceDays: event.graceDays };
    case "subscription.canceled":
      return { kind: "canceled", periodEnd: event.periodEnd };
    case "charge.refunded":
      return { kind: "refunded" };
  }
}

/** Billing events in: the vendor's billing (generic) and Stripe's webhooks, both signed; the admin's secrets. */
export function registerBillingRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.use("/v1/billing/*", async (c, next) => {
    rawBodies.set(c.req.raw, await c.req.raw.clone().text());
    await next();
  });

  /** Verify the request's signature header with the source's secret; a problem when it does not hold. */
  const verified = async (
    c: Context<AppEnv>,
    source: BillingSource,
    header: string,
  ): Promise<Problem | undefined> => {
    const secret = await billingSecret(deps, source);
    if (secret === undefined) return { code: "SIGNATURE_INVALID", params: { cause: "unset" } };
    const checked = verifyWebhook(c.req.header(header), rawBodies.get(c.req.raw) ?? "", secret, deps.clock());
    return checked.ok ? undefined : checked.error;
  };

  const answer = (c: Context<AppEnv>, outcome: BillingOutcome, licenseId: string) => {
    const license = outcome.license;
    return c.json(
      {
        received: true as const,
        applied: outcome.applied,
        duplicate: outcome.duplicate,
        licenseId,
        ...(license === undefined ? {} : { state: licenseState(license, deps.clock()) }),
        ...(license?.expiresAt === undefined ? {} : { expiresAt: license.expiresAt }),
        ...(outcome.code === undefined ? {} : { note: outcome.code }),
      },
      200,
    );
  };

  const generic = createRoute({
    method: "post",
    path: "/v1/billing/events",
    tags: ["billing"],
    summary: "A billing event from the vendor's billing: renewed, payment failed, canceled, refunded",
    description:
      'Signed with the billing secret: header `Ninsho-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">` over the exact body, within 5 minutes. Idempotent by `id`. Renewed extends to `periodEnd`; payment failed keeps the license running `graceDays` (default 7); canceled runs to `periodEnd`, then the license stops; refunded revokes it.',
    request: { body: jsonBody(BillingEventSchema, "The event") },
    responses: { 200: jsonResponse(BillingAnswerSchema, "Received"), ...errorResponses(400, 401, 404, 415) },
  });
  app.openapi(generic, async (c) => {
    const problem = await verified(c, "generic", "ninsho-signature");
    if (problem) return respondProblem(c, problem);
    const event = c.req.valid("json");
    const result = await applyBillingEvent(deps, "generic", event.id, event.licenseId, factOf(event));
    return result.ok ? answer(c, result.value, event.licenseId) : respondProblem(c, result.error);
  });

  const stripe = createRoute({
    method: "post",
    path: "/v1/billing/stripe",
    tags: ["billing"],
    summary:
      "Stripe's webhook: invoice.paid, invoice.payment_failed, customer.subscription.deleted, charge.refunded",
    description:
      "`Stripe-Signature` is verified with the endpoint secret set by an admin, per Stripe's scheme (HMAC-SHA256 of \"t.body\", 5 minutes' tolerance). The license is named by `metadata.ninsho_license_id` on the subscription, invoice or charge. Idempotent by event id; other event types are acknowledged and ignored.",
    request: { body: jsonBody(StripeEventSchema, "The Stripe event") },
    responses: { 200: jsonResponse(BillingAnswerSchema, "Received"), ...errorResponses(400, 401, 404, 415) },
  });
  app.openapi(stripe, async (c) => {
    const problem = await verified(c, "stripe", "stripe-signature");
    if (problem) return respondProblem(c, problem);
    const event = c.req.valid("json");
    const mapped = mapStripeEvent(event);
    if (mapped.kind === "ignored") {
      return c.json({ received: true as const, applied: false, duplicate: false, note: mapped.why }, 200);
    }
    const result = await applyBillingEvent(deps, "stripe", event.id, mapped.licenseId, mapped.fact);
    return result.ok ? answer(c, result.value, mapped.licenseId) : respondProblem(c, result.error);
  });

  const secret = adminRoute(deps, "admin", {
    method: "post",
    path: "/v1/admin/billing/{source}/secret",
    summary:
      "Set a billing sender's signing secret (generic: made here and shown once; stripe: Stripe's whsec_…)",
    request: {
      params: z.object({ source: z.enum(["generic", "stripe"]) }),
      body: jsonBody(BillingSecretRequestSchema, "Stripe's secret (stripe only) and why"),
    },
    responses: { 201: jsonResponse(BillingSecretSchema, "Set"), ...errorResponses(400, 401, 403) },
  });
  app.openapi(secret, async (c) => {
    const { source } = c.req.valid("param");
    const body = c.req.valid("json");
    const actor = tokenActor(c.get("principal").tokenId);
    const done = await setBillingSecret(
      deps,
      source,
      source === "stripe" ? body.secret : undefined,
      actor,
      body.reason,
    );
    if (!done.ok) return respondProblem(c, done.error);
    c.header("cache-control", "no-store");
    return c.json({ source, ...done.value }, 201);
  });
}
