import { z } from "@hono/zod-openapi";
import { IsoInstant, SignableText, SignatureSchema } from "./common.js";

export const ComponentSchema = z
  .object({
    kind: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,31}$/)
      .openapi({
        example: "board",
        description: "board, cpu, disk, mac, ram, gpu, os-install, or a vendor kind",
      }),
    digest: z
      .string()
      .regex(/^[0-9a-fA-F]{16,128}$/)
      .openapi({
        description: "Salted digest of the fact, hex; never a raw serial",
        example: "9f2c1e7a0b3d4c5e",
      }),
  })
  .strict()
  .openapi("Component");

const ComponentSetFields = {
  collector: SignableText(1, 64).openapi({ example: "linux/2" }),
  components: z.array(ComponentSchema).min(1).max(64),
};

export const ComponentSetSchema = z.object(ComponentSetFields).strict().openapi("ComponentSet");

export const FingerprintSchema = z
  .object({
    ...ComponentSetFields,
    previous: z
      .array(ComponentSetSchema)
      .max(4)
      .optional()
      .openapi({ description: "Sets read by earlier collector versions, sent during a collector migration" }),
  })
  .strict()
  .openapi("Fingerprint");

export const DeviceInfoSchema = z
  .object({
    name: SignableText(1, 128).openapi({ example: "Aiko's laptop" }),
    platform: SignableText(1, 32).openapi({ example: "linux" }),
  })
  .strict()
  .openapi("DeviceInfo");

export const ProductKeyInput = z.string().min(1).max(200).openapi({
  description: "Product key as typed (case, spaces, hyphens, full-width forms are accepted)",
  example: "BCDFG-HJKMP-QRTVW-XY234-6789B",
});

export const NonceSchema = z
  .string()
  .min(16)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/)
  .openapi({ description: "Fresh random value from the client, echoed in the signed answer" });

export const LeaseTimesFields = {
  lease: z.string().openapi({ description: "Signed lease: a compact JWS (EdDSA), typ ninsho-lease+jwt" }),
  leaseExpiresAt: IsoInstant,
  graceEndsAt: IsoInstant,
};

export const LicenseViewSchema = z
  .object({
    id: z.string(),
    status: z.enum(["active", "suspended", "revoked"]),
    state: z.enum(["active", "suspended", "revoked", "expired"]),
    channel: z.string(),
    policyId: z.string(),
    productId: z.string(),
    entitlements: z.array(z.string()),
    maxDevices: z.number().int(),
    expiresAt: IsoInstant.optional(),
  })
  .openapi("LicenseView");

export const MatchSchema = z
  .object({
    score: z.number().openapi({ description: "Matched weight over the stored device's weight, 0…1" }),
    threshold: z.number(),
    sameDevice: z.boolean(),
    collector: z.string().openapi({ description: "Collector of the component set that scored best" }),
    components: z.array(
      z.object({
        kind: z.string(),
        weight: z.number(),
        outcome: z.enum(["matched", "changed", "missing", "added"]),
      }),
    ),
  })
  .openapi("Match", { description: "Which components matched or changed, the score and the threshold" });

export const DecisionSchema = z
  .discriminatedUnion("outcome", [
    MatchSchema.extend({ outcome: z.literal("recognized"), deviceId: z.string() }),
    z.object({
      outcome: z.literal("new_device"),
      closest: MatchSchema.extend({ deviceId: z.string() })
        .optional()
        .openapi({ description: "The closest existing device and why it was not taken for this one" }),
    }),
  ])
  .openapi("Decision");

export const SignedFields = { serverTime: IsoInstant, signature: SignatureSchema };
