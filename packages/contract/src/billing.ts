import * as z from "zod";
import { ReasonSchema } from "./admin.js";

const common = {
  id: z.string().min(1).max(200).meta({ description: "The sender's event id: a second delivery is a no-op" }),
  licenseId: z.string().min(1).max(64),
};

/**
 * The body of `POST /v1/billing/events`, signed with the billing secret (`Ninsho-Signature`).
 *
 * @example
 * const body: BillingEvent = { id: "evt_42", type: "subscription.canceled", licenseId: "lic_…", periodEnd: "2027-01-31T00:00:00Z" };
 */
export const BillingEventSchema = z
  .discriminatedUnion("type", [
    z
      .object({
        ...common,
        type: z.literal("subscription.renewed"),
        periodEnd: z.iso.datetime({ offset: true }),
      })
      .strict(),
    z
      .object({
        ...common,
        type: z.literal("payment.failed"),
        graceDays: z.number().int().min(0).max(90).optional(),
      })
      .strict(),
    z
      .object({
        ...common,
        type: z.literal("subscription.canceled"),
        periodEnd: z.iso.datetime({ offset: true }),
      })
      .strict(),
    z.object({ ...common, type: z.literal("charge.refunded") }).strict(),
  ])
  .meta({ id: "BillingEvent" });
/** @example const body: BillingEvent = { id: "evt_1", type: "charge.refunded", licenseId: "lic_…" }; */
export type BillingEvent = z.input<typeof BillingEventSchema>;

/**
 * A Stripe webhook event, as Stripe sends it (only the fields Ninsho reads are described; the rest is kept).
 *
 * @example
 * StripeEventSchema.parse({ id: "evt_1", type: "charge.refunded", data: { object: {} } });
 */
export const StripeEventSchema = z
  .looseObject({
    id: z.string().min(1).max(200),
    type: z.string().min(1).max(200),
    data: z.looseObject({ object: z.record(z.string(), z.unknown()) }),
  })
  .meta({ id: "StripeEvent" });

/**
 * What a billing endpoint did with an event.
 *
 * @example
 * BillingAnswerSchema.parse(body).applied; // false for a repeat
 */
export const BillingAnswerSchema = z
  .object({
    received: z.literal(true),
    applied: z.boolean(),
    duplicate: z.boolean(),
    licenseId: z.string().optional(),
    state: z.enum(["active", "suspended", "revoked", "expired"]).optional(),
    expiresAt: z.string().optional(),
    note: z.string().optional().meta({ description: "Why nothing changed, when nothing did" }),
  })
  .meta({ id: "BillingAnswer" });
/** @example const applied = (answer satisfies BillingAnswer).applied; */
export type BillingAnswer = z.infer<typeof BillingAnswerSchema>;

/**
 * The body of `POST /v1/admin/billing/{source}/secret`: Stripe's endpoint secret (`whsec_…`) for `stripe`;
 * nothing for `generic` (a new secret is made and shown once).
 *
 * @example
 * const body: BillingSecretRequest = { secret: "whsec_…", reason: "Stripe endpoint created" };
 */
export const BillingSecretRequestSchema = ReasonSchema.extend({
  secret: z.string().min(16).max(200).optional(),
})
  .strict()
  .meta({ id: "BillingSecretRequest" });
/** @example const body: BillingSecretRequest = { reason: "rotate" }; */
export type BillingSecretRequest = z.input<typeof BillingSecretRequestSchema>;

/** @example BillingSecretSchema.parse(body).secret; // shown once, for generic */
export const BillingSecretSchema = z
  .object({ source: z.enum(["generic", "stripe"]), secret: z.string().optional() })
  .meta({ id: "BillingSecret" });
