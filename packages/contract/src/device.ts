import {
  fingerprintOutOfBounds,
  MAX_DIGESTS_IN_ALL,
  MAX_DIGESTS_PER_KIND,
  MAX_PREVIOUS_SETS,
} from "@ninsho/core";
import * as z from "zod";
import { ErrorSchema, IsoInstant, SignableText, SignedFields } from "./common.js";

/**
 * One hardware or install fact of a device, as a salted digest.
 *
 * @example
 * ComponentSchema.parse({ kind: "board", digest: "9f2c1e7a0b3d4c5e" });
 */
export const ComponentSchema = z
  .object({
    kind: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,31}$/)
      .meta({
        example: "board",
        description: "board, cpu, disk, mac, ram, gpu, os-install, or a vendor kind",
      }),
    digest: z
      .string()
      .regex(/^[0-9a-fA-F]{16,128}$/)
      .meta({
        description: "Salted digest of the fact, hex; never a raw serial",
        example: "9f2c1e7a0b3d4c5e",
      }),
  })
  .strict()
  .meta({ id: "Component" });

const ComponentSetFields = {
  collector: SignableText(1, 64).meta({ example: "linux/2" }),
  components: z.array(ComponentSchema).min(1).max(64),
};

/**
 * The components one collector version read.
 *
 * @example
 * ComponentSetSchema.parse({ collector: "linux/2", components: [{ kind: "board", digest: "9f2c1e7a0b3d4c5e" }] });
 */
export const ComponentSetSchema = z.object(ComponentSetFields).strict().meta({ id: "ComponentSet" });

/**
 * What a client reports about its machine, with earlier collectors' sets during a migration.
 *
 * @example
 * const fingerprint: Fingerprint = { collector: "linux/2", components: [{ kind: "board", digest: "9f2c1e7a0b3d4c5e" }] };
 */
export const FingerprintSchema = z
  .object({
    ...ComponentSetFields,
    previous: z.array(ComponentSetSchema).max(MAX_PREVIOUS_SETS).optional().meta({
      description:
        "Sets read by earlier collector versions, sent during a collector migration: they count only when this collector is newer than the device's, once, for a device seen recently",
    }),
  })
  .strict()
  // Core's bounds: a client cannot buy a score with digests (per kind and in all, previous sets included).
  .superRefine((fingerprint, ctx) => {
    const outOfBounds = fingerprintOutOfBounds(fingerprint);
    if (outOfBounds !== undefined)
      ctx.addIssue({ code: "custom", message: outOfBounds, path: ["components"] });
  })
  .meta({
    id: "Fingerprint",
    description: `At most ${MAX_DIGESTS_PER_KIND} digests of one kind in a set and ${MAX_DIGESTS_IN_ALL} in all`,
  });

/** @example const fingerprint: Fingerprint = { collector: "linux/2", components: [] }; */
export type Fingerprint = z.infer<typeof FingerprintSchema>;

/**
 * A name and platform for the machine.
 *
 * @example
 * DeviceInfoSchema.parse({ name: "Aiko's laptop", platform: "linux" });
 */
export const DeviceInfoSchema = z
  .object({
    name: SignableText(1, 128).meta({ example: "Aiko's laptop" }),
    platform: SignableText(1, 32).meta({ example: "linux" }),
  })
  .strict()
  .meta({ id: "DeviceInfo" });

/**
 * A product key as a person typed it.
 *
 * @example
 * ProductKeyInput.parse("bcdfg hjkmp qrtvw xy234 6789b");
 */
export const ProductKeyInput = z.string().min(1).max(200).meta({
  description: "Product key as typed (case, spaces, hyphens, full-width forms are accepted)",
  example: "BCDFG-HJKMP-QRTVW-XY234-6789B",
});

/**
 * A device secret, base64url of 32 random bytes made on the device (see `deviceProof.ts` in core): sent once,
 * when it is registered, and kept by the server sealed under its master key.
 *
 * @example
 * DeviceSecretSchema.parse("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
 */
export const DeviceSecretSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/)
  .meta({
    description:
      "The device's secret, base64url of 32 random bytes made on the device; registered with the device (sealed at rest on the server, never answered back)",
    example: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
  });

/**
 * Proof that a request comes from the device holding the device secret.
 *
 * @example
 * DeviceProofSchema.parse({ at: "2026-12-01T00:00:00.000Z", sig: "…43 base64url characters…" });
 */
export const DeviceProofSchema = z
  .object({
    at: z
      .string()
      .max(40)
      .meta({ format: "date-time", description: "When the proof was made (ISO instant)" }),
    sig: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/)
      .meta({
        description:
          'HMAC-SHA256, base64url, by the device secret over "ninsho.device-proof.v2\\n" ‖ path ‖ "\\n" ‖ at ‖ "\\n" ‖ hex SHA-256 of the RFC 8785 JSON of the request body without `proof`',
      }),
  })
  .strict()
  .meta({
    id: "DeviceProof",
    description:
      "Required on every request that acts as a device with a registered secret; good for 10 minutes around the server's time",
  });

/** The fields of device proof a request may carry. */
export const DeviceProofFields = {
  deviceSecret: DeviceSecretSchema.optional(),
  proof: DeviceProofSchema.optional(),
};

/**
 * A fresh random value from the client, echoed in the signed answer so an old answer cannot be replayed.
 *
 * @example
 * NonceSchema.parse(randomBytes(24).toString("base64url"));
 */
export const NonceSchema = z
  .string()
  .min(16)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/)
  .meta({ description: "Fresh random value from the client, echoed in the signed answer" });

const LeaseTimesFields = {
  lease: z.string().meta({ description: "Signed lease: a compact JWS (EdDSA), typ ninsho-lease+jwt" }),
  leaseExpiresAt: IsoInstant,
  graceEndsAt: IsoInstant,
};

/**
 * A license as a signed answer describes it to a device.
 *
 * @example
 * const view: LicenseView = answer.license; // { id: "lic_…", state: "active", entitlements: ["pro"], … }
 */
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
  .meta({ id: "LicenseView" });

/** @example const entitlements = (view satisfies LicenseView).entitlements; */
export type LicenseView = z.infer<typeof LicenseViewSchema>;

/**
 * How a fingerprint compared with a stored device.
 *
 * @example
 * MatchSchema.parse(answer.decision).score; // 0.92
 */
export const MatchSchema = z
  .object({
    score: z.number().meta({ description: "Matched weight over the stored device's weight, 0…1" }),
    threshold: z.number(),
    sameDevice: z.boolean().meta({
      description: "Recognised: the score reached the threshold, or two unit-level identifiers matched",
    }),
    unitIds: z.number().int().optional().meta({
      description:
        "Unit-level identifiers (board, disk, network adapter, install id) shared with the stored device in kinds that matched; two recognise the machine whatever the score",
    }),
    collector: z.string().meta({ description: "Collector of the component set that scored best" }),
    components: z.array(
      z.object({
        kind: z.string(),
        weight: z.number(),
        outcome: z.enum(["matched", "changed", "missing", "added"]),
      }),
    ),
  })
  .meta({ id: "Match", description: "Which components matched or changed, the score and the threshold" });

/** @example const match: Match = answer.decision; console.log(match.score, match.threshold); */
export type Match = z.infer<typeof MatchSchema>;

/**
 * Whether an activation recognised an existing device or took a new slot, and why.
 *
 * @example
 * if (answer.decision.outcome === "recognized") console.log(answer.decision.deviceId);
 */
export const DecisionSchema = z
  .discriminatedUnion("outcome", [
    MatchSchema.extend({ outcome: z.literal("recognized"), deviceId: z.string() }),
    z.object({
      outcome: z.literal("new_device"),
      closest: MatchSchema.extend({ deviceId: z.string() })
        .optional()
        .meta({ description: "The closest existing device and why it was not taken for this one" }),
    }),
  ])
  .meta({ id: "Decision" });

/** @example const decision: Decision = { outcome: "new_device" }; */
export type Decision = z.infer<typeof DecisionSchema>;

/**
 * The body of `POST /v1/activations`.
 *
 * @example
 * const request: ActivationRequest = { key, fingerprint, device: { name: "Aiko's laptop", platform: "linux" }, nonce };
 */
export const ActivationRequestSchema = z
  .object({
    key: ProductKeyInput,
    fingerprint: FingerprintSchema,
    device: DeviceInfoSchema,
    lease: z.string().min(1).max(8192).optional().meta({
      description:
        "The lease this machine holds, if any: its lineage goes on. Without it a recognised device starts a new lineage, and every earlier lease of the device is refused with LEASE_SUPERSEDED",
    }),
    nonce: NonceSchema.optional(),
    baseKey: ProductKeyInput.optional().meta({
      description:
        "Upgrade licenses, first activation: the key of the license this one upgrades (consumed by it; UPGRADE_BASE_REQUIRED without a base)",
    }),
    baseLicenseId: z.string().min(1).max(64).optional().meta({
      description:
        "Upgrade licenses, first activation: the base by its id instead of its key, accepted when the base is activated on this machine",
    }),
    ...DeviceProofFields,
  })
  .strict()
  .meta({ id: "ActivationRequest" });

/** @example const request: ActivationRequest = { key, fingerprint, device }; */
export type ActivationRequest = z.input<typeof ActivationRequestSchema>;

/**
 * The signed answer of `POST /v1/activations`.
 *
 * @example
 * const activation = ActivationSchema.parse(body); // after its signature is verified
 * console.log(activation.device.id, activation.leaseExpiresAt);
 */
export const ActivationSchema = z
  .object({
    device: z.object({ id: z.string(), name: z.string(), platform: z.string(), activatedAt: z.string() }),
    license: LicenseViewSchema,
    ...LeaseTimesFields,
    decision: DecisionSchema,
    nonce: z.string().optional(),
    fingerprintDigest: z.string().meta({
      description:
        "SHA-256 (hex) of the RFC 8785 JSON of the request's fingerprint (collector, components, previous): the SDK refuses an answer to another machine's fingerprint",
    }),
    ...SignedFields,
  })
  .meta({ id: "Activation" });

/** @example const lease = (answer satisfies Activation).lease; */
export type Activation = z.infer<typeof ActivationSchema>;

/**
 * The body of `POST /v1/validate`: a key or a lease, never both.
 *
 * @example
 * const request: ValidationRequest = { lease, fingerprint, nonce };
 */
export const ValidationRequestSchema = z
  .object({
    key: ProductKeyInput.optional(),
    lease: z.string().min(1).max(8192).optional().meta({ description: "The lease the device holds" }),
    fingerprint: FingerprintSchema,
    nonce: NonceSchema,
    ...DeviceProofFields,
  })
  .strict()
  .refine((body) => (body.key === undefined) !== (body.lease === undefined), {
    message: "send exactly one of key or lease",
    path: ["key"],
  })
  .meta({ id: "ValidationRequest" });

/** @example const request: ValidationRequest = { lease, fingerprint, nonce }; */
export type ValidationRequest = z.input<typeof ValidationRequestSchema>;

/**
 * The signed verdict of `POST /v1/validate`: valid or not, and why (a refusal here is signed too).
 *
 * @example
 * const validation = ValidationSchema.parse(body); // after its signature is verified
 * if (!validation.valid) console.log(validation.problem?.code); // "LICENSE_REVOKED"
 */
export const ValidationSchema = z
  .object({
    valid: z.boolean().meta({ description: "Whether the app may run on this machine now" }),
    state: z.enum(["active", "suspended", "revoked", "expired"]),
    problem: ErrorSchema.shape.error
      .optional()
      .meta({ description: "Why it is not valid (signed, so an app can trust it)" }),
    license: LicenseViewSchema,
    device: z.object({ id: z.string() }).optional(),
    lease: z
      .string()
      .optional()
      .meta({ description: "The current lease, re-issued when a quarter of it has passed" }),
    leaseExpiresAt: IsoInstant.optional(),
    graceEndsAt: IsoInstant.optional(),
    decision: MatchSchema.optional(),
    nonce: z.string().meta({ description: "The client's nonce, echoed under the signature" }),
    fingerprintDigest: z.string().meta({
      description:
        "SHA-256 (hex) of the RFC 8785 JSON of the request's fingerprint (collector, components, previous): the SDK refuses an answer to another machine's fingerprint",
    }),
    ...SignedFields,
  })
  .meta({ id: "Validation" });

/** @example const ok = (answer satisfies Validation).valid; */
export type Validation = z.infer<typeof ValidationSchema>;

/**
 * The body of `POST /v1/transfers`. Ownership is proven by a session cookie (then `licenseId` names the license)
 * or by the key with the code mailed to the license's owner (`POST /v1/transfers/codes`).
 *
 * @example
 * const request: TransferRequest = { key, code: "48213907", replacesDeviceId: "dev_…", fingerprint, device };
 */
export const TransferRequestSchema = z
  .object({
    licenseId: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: "The license to move; required with a session, else the key names it" }),
    key: ProductKeyInput.optional().meta({ description: "The product key, with `code` when not signed in" }),
    code: z
      .string()
      .min(1)
      .max(32)
      .optional()
      .meta({ description: "The code mailed to the license's owner by POST /v1/transfers/codes" }),
    replacesDeviceId: z.string().min(1).max(64).meta({ description: "The device this machine replaces" }),
    fingerprint: FingerprintSchema,
    device: DeviceInfoSchema,
    nonce: NonceSchema.optional(),
    ...DeviceProofFields,
  })
  .strict()
  .meta({ id: "TransferRequest" });

/** @example const request: TransferRequest = { licenseId, replacesDeviceId, fingerprint, device }; */
export type TransferRequest = z.input<typeof TransferRequestSchema>;

/**
 * The signed answer of `POST /v1/transfers`.
 *
 * @example
 * TransferSchema.parse(body).transfersLeft; // 2
 */
export const TransferSchema = z
  .object({
    device: z.object({ id: z.string(), name: z.string() }),
    replacesDeviceId: z
      .string()
      .meta({ description: "The device the new machine replaces, as the request named it" }),
    fromDeviceId: z.string().meta({
      deprecated: true,
      description:
        "The same id as replacesDeviceId, under its first name (read by SDK 0.1.0); use replacesDeviceId",
    }),
    transfersLeft: z.number().int().meta({ description: "Self-service transfers left in the last 365 days" }),
    ...LeaseTimesFields,
    nonce: z.string().optional(),
    fingerprintDigest: z.string().meta({
      description:
        "SHA-256 (hex) of the RFC 8785 JSON of the request's fingerprint (collector, components, previous): the SDK refuses an answer to another machine's fingerprint",
    }),
    ...SignedFields,
  })
  .meta({ id: "Transfer" });

/** @example const left = (answer satisfies Transfer).transfersLeft; */
export type Transfer = z.infer<typeof TransferSchema>;

/**
 * The body of `POST /v1/deactivations`.
 *
 * @example
 * const request: DeactivationRequest = { lease, nonce };
 */
export const DeactivationRequestSchema = z
  .object({ lease: z.string().min(1).max(8192), nonce: NonceSchema.optional(), ...DeviceProofFields })
  .strict()
  .meta({ id: "DeactivationRequest" });

/** @example const request: DeactivationRequest = { lease }; */
export type DeactivationRequest = z.input<typeof DeactivationRequestSchema>;

/**
 * The signed answer of `POST /v1/deactivations`.
 *
 * @example
 * DeactivationSchema.parse(body).device.deactivatedAt; // "2026-…"
 */
export const DeactivationSchema = z
  .object({
    device: z.object({ id: z.string(), deactivatedAt: IsoInstant }),
    nonce: z.string().optional(),
    ...SignedFields,
  })
  .meta({ id: "Deactivation" });

/** @example const at = (answer satisfies Deactivation).device.deactivatedAt; */
export type Deactivation = z.infer<typeof DeactivationSchema>;

/**
 * The public keys that verify leases and signed answers (`/.well-known/jwks.json`).
 *
 * @example
 * const { keys } = JwksSchema.parse(await (await fetch(`${url}/.well-known/jwks.json`)).json());
 */
export const JwksSchema = z
  .object({
    keys: z.array(
      z.object({
        kty: z.literal("OKP"),
        crv: z.literal("Ed25519"),
        x: z.string(),
        kid: z.string(),
        alg: z.literal("EdDSA"),
        use: z.literal("sig"),
        prd: z
          .string()
          .optional()
          .describe(
            "The product the key signs for: an SDK verifies its product's leases and answers only with it",
          ),
      }),
    ),
  })
  .meta({ id: "Jwks" });

/** @example const kids = (jwks satisfies Jwks).keys.map((k) => k.kid); */
export type Jwks = z.infer<typeof JwksSchema>;

/**
 * The answer of `GET /healthz` when the server is ready.
 *
 * @example
 * HealthSchema.parse(await (await fetch(`${url}/healthz`)).json()).database; // "sqlite"
 */
export const HealthSchema = z.object({ status: z.literal("ok"), database: z.string() });

/** @example const ready = (health satisfies Health).status === "ok"; */
export type Health = z.infer<typeof HealthSchema>;
