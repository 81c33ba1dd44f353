import * as z from "zod";
import { ReasonSchema } from "./admin.js";
import { IsoInstant } from "./common.js";

const EventTypes = z
  .array(z.string().regex(/^(\*|[a-z_]+\.(\*|[a-z_]+))$/))
  .min(1)
  .max(50)
  .meta({
    description: "Event types to receive: exact (device.activated), a prefix (license.*), or * for all",
  });

/**
 * The body of `POST /v1/admin/webhooks`.
 *
 * @example
 * const body: WebhookRequest = { url: "https://example.com/ninsho", eventTypes: ["license.*", "device.*"] };
 */
export const WebhookRequestSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(2000),
    eventTypes: EventTypes.default(["*"]),
    description: z.string().max(200).optional(),
  })
  .strict()
  .meta({ id: "WebhookRequest" });
/** @example const body: WebhookRequest = { url: "https://example.com/hooks" }; */
export type WebhookRequest = z.input<typeof WebhookRequestSchema>;

/**
 * The body of `PATCH /v1/admin/webhooks/{id}`: a new URL or event types, or disable / enable it.
 *
 * @example
 * const body: WebhookPatch = { disabled: true, reason: "receiver moved" };
 */
export const WebhookPatchSchema = ReasonSchema.extend({
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  eventTypes: EventTypes.optional(),
  disabled: z.boolean().optional(),
})
  .strict()
  .meta({ id: "WebhookPatch" });
/** @example const body: WebhookPatch = { eventTypes: ["billing.*"], reason: "billing only" }; */
export type WebhookPatch = z.input<typeof WebhookPatchSchema>;

/**
 * A webhook endpoint (never its secret).
 *
 * @example
 * WebhookSchema.parse(body).failingSince; // set while its deliveries keep failing
 */
export const WebhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string().optional(),
    eventTypes: z.array(z.string()),
    createdAt: IsoInstant,
    disabledAt: IsoInstant.optional(),
    failingSince: IsoInstant.optional(),
    consecutiveFailures: z.number().int(),
  })
  .meta({ id: "Webhook" });

/**
 * A new endpoint with its signing secret, shown in this answer only.
 *
 * @example
 * const { secret } = CreatedWebhookSchema.parse(body); // "whsec_…": verify Ninsho-Signature with it
 */
export const CreatedWebhookSchema = WebhookSchema.extend({
  secret: z.string().meta({ description: "The signing secret, shown once" }),
}).meta({ id: "CreatedWebhook" });
/** @example const secret = (created satisfies CreatedWebhook).secret; */
export type CreatedWebhook = z.infer<typeof CreatedWebhookSchema>;

/** @example const { webhooks } = WebhookListSchema.parse(body); */
export const WebhookListSchema = z.object({ webhooks: z.array(WebhookSchema) }).meta({ id: "WebhookList" });
/** @example const first = (list satisfies WebhookList).webhooks[0]; */
export type WebhookList = z.infer<typeof WebhookListSchema>;

/**
 * One event to one endpoint: the delivery log's entry.
 *
 * @example
 * DeliverySchema.parse(body).status; // "pending" | "delivered" | "failed"
 */
export const DeliverySchema = z
  .object({
    id: z.string(),
    endpointId: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    payload: z.string().meta({ description: "The exact JSON body sent and signed" }),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.number().int(),
    nextAttemptAt: IsoInstant.optional(),
    lastAttemptAt: IsoInstant.optional(),
    lastStatus: z.number().int().optional(),
    lastError: z.string().optional(),
    deliveredAt: IsoInstant.optional(),
    createdAt: IsoInstant,
  })
  .meta({ id: "Delivery" });
/** @example const status = (delivery satisfies Delivery).status; */
export type Delivery = z.infer<typeof DeliverySchema>;

/** @example const { deliveries } = DeliveryListSchema.parse(body); */
export const DeliveryListSchema = z
  .object({ deliveries: z.array(DeliverySchema) })
  .meta({ id: "DeliveryList" });

/**
 * The query of an endpoint's delivery log: newest first, of one status, before an id.
 *
 * @example
 * DeliveryQuerySchema.parse({ status: "failed" });
 */
export const DeliveryQuerySchema = z.object({
  status: z.enum(["pending", "delivered", "failed"]).optional(),
  before: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
