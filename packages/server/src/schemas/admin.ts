import { z } from "@hono/zod-openapi";
import { channels, roles } from "@ninsho/core";
import { IsoInstant } from "./common.js";

export const ProductSchema = z
  .object({ id: z.string(), name: z.string(), createdAt: IsoInstant })
  .openapi("Product");

export const ExpirySchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("none") }).strict(),
    z.object({ kind: z.literal("fixed"), at: z.iso.datetime({ offset: true }) }).strict(),
    z
      .object({
        kind: z.literal("duration"),
        seconds: z
          .number()
          .int()
          .min(60)
          .max(100 * 365 * 86_400),
      })
      .strict(),
  ])
  .openapi("Expiry", { description: "none; a fixed date; or a duration from the first activation" });

const policyFields = {
  name: z.string().min(1).max(200),
  channel: z.enum(channels),
  maxDevices: z.number().int().min(1).max(1_000_000),
  leaseSeconds: z
    .number()
    .int()
    .min(60)
    .max(10 * 365 * 86_400),
  graceSeconds: z
    .number()
    .int()
    .min(0)
    .max(365 * 86_400),
  expiry: ExpirySchema,
  matchThreshold: z.number().min(0.05).max(1),
  componentWeights: z
    .record(z.string().regex(/^[a-z][a-z0-9-]{0,31}$/), z.number().min(0).max(1000))
    // With no weight at all no fingerprint ever matches: every activation would take a new slot.
    .refine((weights) => Object.values(weights).some((weight) => weight > 0), {
      message: "at least one component must weigh more than 0",
    }),
  transferable: z.boolean(),
  transfersPerYear: z.number().int().min(0).max(1000),
  entitlements: z.array(z.string().min(1).max(100)).max(100),
};

export const PolicyInputSchema = z
  .object({
    productId: z.string().min(1).max(64),
    name: policyFields.name,
    channel: policyFields.channel,
    maxDevices: policyFields.maxDevices.optional(),
    leaseSeconds: policyFields.leaseSeconds.optional(),
    graceSeconds: policyFields.graceSeconds.optional(),
    expiry: ExpirySchema.optional(),
    matchThreshold: policyFields.matchThreshold.optional(),
    componentWeights: policyFields.componentWeights.optional(),
    transferable: policyFields.transferable.optional(),
    transfersPerYear: policyFields.transfersPerYear.optional(),
    entitlements: policyFields.entitlements.optional(),
    basePolicyId: z.string().min(1).max(64).optional(),
  })
  .strict()
  .openapi("PolicyInput");

export const PolicySchema = z
  .object({
    id: z.string(),
    productId: z.string(),
    ...policyFields,
    basePolicyId: z.string().optional(),
    createdAt: IsoInstant,
  })
  .openapi("Policy");

export const LicenseSchema = z
  .object({
    id: z.string(),
    productId: z.string(),
    policyId: z.string(),
    status: z.enum(["active", "suspended", "revoked"]),
    state: z.enum(["active", "suspended", "revoked", "expired"]),
    statusReason: z.string().optional(),
    keyHint: z.string().openapi({ description: "Last group of the key" }),
    ownerEmail: z.string().optional(),
    baseLicenseId: z.string().optional(),
    createdAt: IsoInstant,
    firstActivatedAt: IsoInstant.optional(),
    expiresAt: IsoInstant.optional(),
  })
  .openapi("License");

export const DeviceSchema = z
  .object({
    id: z.string(),
    licenseId: z.string(),
    name: z.string(),
    platform: z.string(),
    collector: z.string(),
    components: z
      .array(
        z.object({
          kind: z.string(),
          digest: z.string().optional().openapi({
            description:
              "The stored (keyed) digest: `k1.<slot>.<hmac>` under a key derived from the master key, or `c1.<slot>` for a component known only from an installation ID. Shown to the admin role only",
          }),
        }),
      )
      .openapi({
        description: "What the device was recognised by; support and readonly tokens see the kinds only",
      }),
    activatedAt: IsoInstant,
    lastSeenAt: IsoInstant,
    deactivatedAt: IsoInstant.optional(),
  })
  .openapi("Device");

export const EventSchema = z
  .object({
    id: z.string(),
    licenseId: z.string(),
    type: z.string(),
    actor: z.string(),
    reason: z.string().optional(),
    data: z.record(z.string(), z.unknown()),
    createdAt: IsoInstant,
  })
  .openapi("Event");

export const TokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(roles),
    createdAt: IsoInstant,
    lastUsedAt: IsoInstant.optional(),
    revokedAt: IsoInstant.optional(),
  })
  .openapi("AdminToken");

export const ReasonSchema = z.object({ reason: z.string().min(1).max(500) }).strict();

export const IdParam = (name: string) =>
  z.object({
    id: z
      .string()
      .min(1)
      .max(64)
      .openapi({ param: { name: "id", in: "path" }, example: `${name}_01J…` }),
  });

export const PageQuery = {
  after: z.string().max(64).optional().openapi({ description: "Return items after this id" }),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
};
