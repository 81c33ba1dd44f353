import { z } from "@hono/zod-openapi";
import { IsoInstant, SignableText } from "./common.js";
import { DecisionSchema } from "./device.js";

const TransferFrom = z.string().min(1).max(64).openapi({
  description:
    "When the license is full: the device this machine replaces, within the policy's transfer allowance (as POST /v1/transfers)",
});

export const ConfirmationRequestSchema = z
  .object({
    installationId: z.string().min(1).max(300).openapi({
      description: "The installation ID as read or typed: 54 digits in 9 groups of six, any separators",
      example: "100012-345674-…",
    }),
    deviceName: SignableText(1, 128).optional().openapi({ description: "A name for the machine" }),
    transferFromDeviceId: TransferFrom.optional(),
  })
  .strict()
  .openapi("ConfirmationRequest");

export const SupportConfirmationRequestSchema = ConfirmationRequestSchema.extend({
  reason: SignableText(1, 500).optional().openapi({ description: "Why, for the license's timeline" }),
})
  .strict()
  .openapi("SupportConfirmationRequest");

const OfflineDeviceSchema = z.object({ id: z.string(), name: z.string() });
const OfflineLicenseSchema = z.object({ id: z.string(), productId: z.string() });
const OutcomeFields = {
  device: OfflineDeviceSchema,
  license: OfflineLicenseSchema,
  decision: DecisionSchema.optional().openapi({
    description: "How the machine compared with the license's devices; absent on a replay or a transfer",
  }),
  transferredFrom: z.string().optional().openapi({ description: "The device whose slot this machine took" }),
  replayed: z
    .boolean()
    .openapi({ description: "True when this request was answered before: the same answer" }),
};

export const ConfirmationSchema = z
  .object({
    confirmationId: z.string().openapi({ description: "102 digits in 17 groups of six, joined by hyphens" }),
    groups: z.array(z.string()).openapi({ description: "The 17 groups, to show in large type one by one" }),
    installationId: z.string().openapi({ description: "The installation ID as read, in canonical groups" }),
    grant: z.object({
      leaseDays: z
        .number()
        .int()
        .openapi({ description: "Days from the installation ID's day; 4095: no end" }),
      graceDays: z.number().int(),
      leaseExpiresAt: IsoInstant.optional(),
      graceEndsAt: IsoInstant.optional(),
    }),
    ...OutcomeFields,
  })
  .openapi("Confirmation");

export const LicenseFileRequestSchema = z
  .object({
    requestFile: z.string().min(1).max(60_000).openapi({
      description: "The text of the request file the device wrote (JSON, format ninsho.offline-request)",
    }),
    transferFromDeviceId: TransferFrom.optional(),
  })
  .strict()
  .openapi("LicenseFileRequest");

export const SupportLicenseFileRequestSchema = LicenseFileRequestSchema.extend({
  reason: SignableText(1, 500).optional().openapi({ description: "Why, for the license's timeline" }),
})
  .strict()
  .openapi("SupportLicenseFileRequest");

export const LicenseFileSchema = z
  .object({
    licenseFile: z.string().openapi({
      description:
        "The license file to give the device: a compact JWS (typ ninsho-license-file+jwt), or a compact JWE (ECDH-ES, X25519, A256GCM) when the request asked to seal it",
    }),
    sealed: z.boolean(),
    fileName: z.string().openapi({ example: "ninsho-license.jwt" }),
    leaseExpiresAt: IsoInstant,
    graceEndsAt: IsoInstant,
    ...OutcomeFields,
  })
  .openapi("LicenseFile");

export const OfflineKeySchema = z
  .object({
    productId: z.string(),
    productNumber: z.number().int().openapi({ description: "The product's number in installation IDs" }),
    scheme: z.literal("bls-bn254-g1x-tai-sha512").openapi({
      description:
        "BLS short signatures on BN254, signature = G1 x-coordinate; see docs/offline-activation.md",
    }),
    publicKey: z.string().openapi({
      description: "G2 public key, base64url of 128 bytes: x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0 (EIP-197 order)",
    }),
    installationIdVersion: z.literal(1),
    confirmationIdVersion: z.literal(1),
    createdAt: IsoInstant,
  })
  .openapi("OfflineKey");
