import * as z from "zod";
import { IsoInstant, SignableText, SignatureSchema } from "./common.js";
import { DecisionSchema } from "./device.js";

const TransferFrom = z.string().min(1).max(64).meta({
  description:
    "When the license is full: the device this machine replaces, within the policy's transfer allowance (as POST /v1/transfers). On the public route it needs the owner's proof: a session of the account that owns the license, or `transferCode`",
});

const TransferCode = z.string().min(1).max(32).meta({
  description:
    "With transferFromDeviceId and no session: the code mailed to the license's owner (POST /v1/transfers/codes)",
});

/**
 * The body of `POST /v1/offline/confirmations`: an installation ID read over the phone.
 *
 * @example
 * const request: ConfirmationRequest = { installationId: "100012-345674-…", deviceName: "Plant PC 4" };
 */
export const ConfirmationRequestSchema = z
  .object({
    installationId: z.string().min(1).max(300).meta({
      description: "The installation ID as read or typed: 54 digits in 9 groups of six, any separators",
      example: "100012-345674-…",
    }),
    deviceName: SignableText(1, 128).optional().meta({ description: "A name for the machine" }),
    transferFromDeviceId: TransferFrom.optional(),
    transferCode: TransferCode.optional(),
  })
  .strict()
  .meta({ id: "ConfirmationRequest" });

/**
 * The body of `POST /v1/admin/offline/confirmations`: as the device's, with a reason for the timeline.
 *
 * @example
 * const request: SupportConfirmationRequest = { installationId, reason: "caller on ticket 4711" };
 */
export const SupportConfirmationRequestSchema = ConfirmationRequestSchema.extend({
  reason: SignableText(1, 500).optional().meta({ description: "Why, for the license's timeline" }),
})
  .strict()
  .meta({ id: "SupportConfirmationRequest" });

const OfflineDeviceSchema = z.object({ id: z.string(), name: z.string() });
const OfflineLicenseSchema = z.object({
  id: z.string(),
  productId: z.string(),
  productName: z.string().meta({
    description: "The product's display name, to head the answer with (the request proved the key)",
  }),
});
const OutcomeFields = {
  device: OfflineDeviceSchema,
  license: OfflineLicenseSchema,
  decision: DecisionSchema.optional().meta({
    description: "How the machine compared with the license's devices; absent on a replay or a transfer",
  }),
  transferredFrom: z.string().optional().meta({ description: "The device whose slot this machine took" }),
  replayed: z.boolean().meta({ description: "True when this request was answered before: the same answer" }),
};

/**
 * A confirmation ID and what the activation did.
 *
 * @example
 * const { groups } = ConfirmationSchema.parse(body); // 17 or 18 groups of six digits
 */
export const ConfirmationSchema = z
  .object({
    confirmationId: z.string().meta({
      description:
        "Groups of six digits joined by hyphens: 18 groups (108 digits) for a product with phone features, else 17 (102)",
    }),
    groups: z.array(z.string()).meta({ description: "The groups, to show in large type one by one" }),
    installationId: z.string().meta({ description: "The installation ID as read, in canonical groups" }),
    grant: z.object({
      leaseDays: z.number().int().meta({ description: "Days from the installation ID's day; 4095: no end" }),
      graceDays: z.number().int(),
      features: z.array(z.string()).meta({
        description: "The license's entitlements the confirmation carries (signed with it)",
      }),
      featuresWithheld: z.array(z.string()).meta({
        description:
          "The license's entitlements it cannot carry (not in the product's phone feature list, or past its 20th place): a license file or an online activation carries them",
      }),
      leaseExpiresAt: IsoInstant.optional(),
      graceEndsAt: IsoInstant.optional(),
    }),
    ...OutcomeFields,
  })
  .meta({ id: "Confirmation" });

/**
 * The body of `POST /v1/offline/license-files`: the text of a device's request file.
 *
 * @example
 * const request: LicenseFileRequest = { requestFile: readFileSync("ninsho-request.json", "utf8") };
 */
export const LicenseFileRequestSchema = z
  .object({
    requestFile: z.string().min(1).max(60_000).meta({
      description: "The text of the request file the device wrote (JSON, format ninsho.offline-request)",
    }),
    transferFromDeviceId: TransferFrom.optional(),
    transferCode: TransferCode.optional(),
  })
  .strict()
  .meta({ id: "LicenseFileRequest" });

/**
 * The body of `POST /v1/admin/offline/license-files`: as the device's, with a reason for the timeline.
 *
 * @example
 * const request: SupportLicenseFileRequest = { requestFile, reason: "USB for the plant" };
 */
export const SupportLicenseFileRequestSchema = LicenseFileRequestSchema.extend({
  reason: SignableText(1, 500).optional().meta({ description: "Why, for the license's timeline" }),
})
  .strict()
  .meta({ id: "SupportLicenseFileRequest" });

/**
 * A license file and what the activation did.
 *
 * @example
 * const { licenseFile, fileName } = LicenseFileSchema.parse(body);
 */
export const LicenseFileSchema = z
  .object({
    licenseFile: z.string().meta({
      description:
        "The license file to give the device: a compact JWS (typ ninsho-license-file+jwt), or a compact JWE (ECDH-ES, X25519, A256GCM) when the request asked to seal it",
    }),
    sealed: z.boolean(),
    fileName: z.string().meta({ example: "ninsho-license.jwt" }),
    leaseExpiresAt: IsoInstant,
    graceEndsAt: IsoInstant,
    ...OutcomeFields,
  })
  .meta({ id: "LicenseFile" });

/**
 * A product's number and the public key that verifies its confirmation IDs.
 *
 * @example
 * const key = OfflineKeySchema.parse(await (await fetch(`${url}/v1/products/${id}/offline-key`)).json());
 */
export const OfflineKeySchema = z
  .object({
    productId: z.string(),
    productNumber: z.number().int().meta({ description: "The product's number in installation IDs" }),
    scheme: z.literal("bls-bn254-g1x-tai-sha512").meta({
      description:
        "BLS short signatures on BN254, signature = G1 x-coordinate; see docs/offline-activation.md",
    }),
    publicKey: z.string().meta({
      description: "G2 public key, base64url of 128 bytes: x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0 (EIP-197 order)",
    }),
    installationIdVersion: z.literal(1),
    confirmationIdVersion: z.union([z.literal(1), z.literal(2)]).meta({
      description:
        "1: 17 groups, no features; 2 (a product with phone features): 18 groups with the feature bitmap",
    }),
    phoneFeatures: z.array(z.string()).max(20).optional().meta({
      description:
        "The product's ordered phone feature list: bit i of a confirmation ID grants feature i. Only ever appended to; build it into the app with the public key. Always sent; absent only in answers (kept by devices) from servers before phone features",
    }),
    createdAt: IsoInstant,
    signature: SignatureSchema.meta({
      description: "The product's signature over the rest of this answer: verify it with the product's JWKS",
    }),
  })
  .meta({ id: "OfflineKey" });

/** @example const request: ConfirmationRequest = { installationId }; */
export type ConfirmationRequest = z.input<typeof ConfirmationRequestSchema>;
/** @example const request: SupportConfirmationRequest = { installationId, reason: "ticket 4711" }; */
export type SupportConfirmationRequest = z.input<typeof SupportConfirmationRequestSchema>;
/** @example const id = (answer satisfies Confirmation).confirmationId; */
export type Confirmation = z.infer<typeof ConfirmationSchema>;
/** @example const request: LicenseFileRequest = { requestFile }; */
export type LicenseFileRequest = z.input<typeof LicenseFileRequestSchema>;
/** @example const request: SupportLicenseFileRequest = { requestFile, reason: "USB" }; */
export type SupportLicenseFileRequest = z.input<typeof SupportLicenseFileRequestSchema>;
/** @example const file = (answer satisfies LicenseFile).licenseFile; */
export type LicenseFile = z.infer<typeof LicenseFileSchema>;
/** @example const n = (key satisfies OfflineKeyAnswer).productNumber; */
export type OfflineKeyAnswer = z.infer<typeof OfflineKeySchema>;

/**
 * The body of `POST /v1/admin/offline/installations`: the installation ID a caller reads out, to see whose
 * license it is before a confirmation is issued.
 *
 * @example
 * const request: InstallationOwnerRequest = { installationId: "100012-345674-…" };
 */
export const InstallationOwnerRequestSchema = z
  .object({
    installationId: z.string().min(1).max(300).meta({
      description: "The installation ID as read or typed: 54 digits in 9 groups of six, any separators",
    }),
  })
  .strict()
  .meta({ id: "InstallationOwnerRequest" });
/** @example const request: InstallationOwnerRequest = { installationId }; */
export type InstallationOwnerRequest = z.input<typeof InstallationOwnerRequestSchema>;

/**
 * Whose license an installation ID belongs to, for support to check with the caller: the license, its product
 * and state, and its owner's address masked (the caller says it; support never reads it out).
 *
 * @example
 * InstallationOwnerSchema.parse(body).owner.email; // "a•••@example.jp"
 */
export const InstallationOwnerSchema = z
  .object({
    license: z.object({
      id: z.string(),
      productId: z.string(),
      productName: z.string(),
      state: z.enum(["active", "suspended", "revoked", "expired"]),
    }),
    owner: z.object({
      kind: z.enum(["account", "email", "none"]).meta({
        description: "A signed-up account that owns it, an owner email set on the license, or no owner",
      }),
      email: z.string().optional().meta({ description: "The owner's address, masked (a•••@example.jp)" }),
    }),
    requestDate: z.string().meta({ description: "The day the installation ID was made (YYYY-MM-DD, UTC)" }),
  })
  .meta({ id: "InstallationOwner" });
/** @example const owner = (answer satisfies InstallationOwner).owner.kind; */
export type InstallationOwner = z.infer<typeof InstallationOwnerSchema>;
