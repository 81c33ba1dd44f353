import * as z from "zod";
import { IsoInstant, SignableText } from "./common.js";
import {
  DeviceInfoSchema,
  DeviceProofSchema,
  DeviceSecretSchema,
  FingerprintSchema,
  NonceSchema,
} from "./device.js";

/**
 * A relay's public key (Ed25519, RFC 8037), as its request file carries it and a grant certifies it.
 * @example
 * RelayKeySchema.parse({ kty: "OKP", crv: "Ed25519", x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" });
 */
export const RelayKeySchema = z
  .object({
    kty: z.literal("OKP"),
    crv: z.literal("Ed25519"),
    x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  })
  .strict()
  .meta({ id: "RelayKey" });

/** The `format` of a relay's request file. */
export const RELAY_REQUEST_FORMAT = "ninsho-relay-request/1";

/**
 * The request file `ninsho relay init` writes: the relay's public key, for the vendor to certify in a grant.
 * @example
 * const request = RelayRequestFileSchema.parse(JSON.parse(readFileSync("relay-request.json", "utf8")));
 */
export const RelayRequestFileSchema = z
  .object({
    format: z.literal(RELAY_REQUEST_FORMAT),
    relayKey: RelayKeySchema,
    createdAt: IsoInstant,
  })
  .meta({ id: "RelayRequestFile" });

/** @example const file: RelayRequestFile = { format: "ninsho-relay-request/1", relayKey, createdAt }; */
export type RelayRequestFile = z.infer<typeof RelayRequestFileSchema>;

/**
 * The body of `POST /v1/admin/volume-grants`.
 * @example
 * const request: VolumeGrantRequest = { licenseId, relayKey, customer: "Plant 4", expiresAt: "2027-12-01T00:00:00Z" };
 */
export const VolumeGrantRequestSchema = z
  .object({
    licenseId: z.string().min(1).max(64),
    relayKey: RelayKeySchema,
    customer: SignableText(1, 200).meta({ example: "Hokuriku Plant 4" }),
    maxDevices: z.number().int().min(1).max(1_000_000).optional().meta({
      description: "Most devices the relay may admit (default: the policy's device limit)",
    }),
    renewDays: z.number().int().min(1).max(90).default(7),
    offlineDays: z.number().int().min(1).max(365).default(30),
    notBefore: IsoInstant.optional(),
    expiresAt: IsoInstant,
  })
  .strict()
  .meta({ id: "VolumeGrantRequest" });

/** @example const request: VolumeGrantRequest = { licenseId, relayKey, customer, expiresAt }; */
export type VolumeGrantRequest = z.input<typeof VolumeGrantRequestSchema>;

/**
 * A volume grant: the signed text (the grant file's content) and its terms.
 * @example
 * writeFileSync(answer.fileName, answer.grant);
 */
export const VolumeGrantSchema = z
  .object({
    grant: z.string().meta({ description: "The grant, a compact JWS (EdDSA, typ ninsho-volume-grant+jwt)" }),
    grantId: z.string(),
    licenseId: z.string(),
    productId: z.string(),
    customer: z.string(),
    maxDevices: z.number().int(),
    renewDays: z.number().int(),
    offlineDays: z.number().int(),
    notBefore: IsoInstant,
    expiresAt: IsoInstant,
    fileName: z.string(),
  })
  .meta({ id: "VolumeGrant" });

/** @example const text = (answer satisfies VolumeGrant).grant; */
export type VolumeGrant = z.infer<typeof VolumeGrantSchema>;

/**
 * The body of `POST /v1/admin/usage-reports`: a relay's usage report file, as text.
 * @example
 * const request: UsageReportImport = { reportFile: readFileSync("usage.json", "utf8") };
 */
export const UsageReportImportSchema = z
  .object({ reportFile: z.string().min(1).max(20_000) })
  .strict()
  .meta({ id: "UsageReportImport" });

/** @example const request: UsageReportImport = { reportFile }; */
export type UsageReportImport = z.input<typeof UsageReportImportSchema>;

/**
 * A usage report as imported into the license's timeline.
 * @example
 * console.log(answer.admitted, "of", answer.maxDevices);
 */
export const UsageReportSchema = z
  .object({
    reportId: z.string(),
    grantId: z.string(),
    licenseId: z.string(),
    from: IsoInstant,
    to: IsoInstant,
    admitted: z.number().int(),
    maxDevices: z.number().int(),
    renewals: z.number().int(),
    peak: z.number().int(),
    refused: z.number().int(),
    rollbacks: z.number().int(),
    imported: z.boolean().meta({ description: "false when the same report was imported before" }),
  })
  .meta({ id: "UsageReport" });

/** @example const n = (answer satisfies UsageReport).admitted; */
export type UsageReport = z.infer<typeof UsageReportSchema>;

/**
 * The body of a relay's `POST /v1/activations`: as the server's, without a key (the grant is the license).
 * @example
 * const request: RelayActivationRequest = { fingerprint, device, deviceSecret, proof };
 */
export const RelayActivationRequestSchema = z
  .object({
    fingerprint: FingerprintSchema,
    device: DeviceInfoSchema,
    deviceSecret: DeviceSecretSchema,
    proof: DeviceProofSchema,
  })
  .strict()
  .meta({ id: "RelayActivationRequest" });

/** @example const request: RelayActivationRequest = { fingerprint, device, deviceSecret, proof }; */
export type RelayActivationRequest = z.input<typeof RelayActivationRequestSchema>;

/**
 * The body of a relay's `POST /v1/renewals`: the lease held, with the device's proof.
 * @example
 * const request: RelayRenewalRequest = { lease, nonce, proof };
 */
export const RelayRenewalRequestSchema = z
  .object({
    lease: z.string().min(1).max(8192),
    nonce: NonceSchema,
    proof: DeviceProofSchema,
  })
  .strict()
  .meta({ id: "RelayRenewalRequest" });

/** @example const request: RelayRenewalRequest = { lease, nonce, proof }; */
export type RelayRenewalRequest = z.input<typeof RelayRenewalRequestSchema>;

/**
 * A relay's answer to an activation or renewal: the relay lease and the grant that certifies its key.
 * @example
 * const held = RelayLeaseAnswerSchema.parse(body); // then verifyRelayLease(held, vendorKeys)
 */
export const RelayLeaseAnswerSchema = z
  .object({
    device: z.object({ id: z.string(), slot: z.number().int() }),
    lease: z.string(),
    grant: z.string(),
    renewBy: IsoInstant,
    runsUntil: IsoInstant,
    serverTime: IsoInstant,
  })
  .meta({ id: "RelayLeaseAnswer" });

/** @example const lease = (answer satisfies RelayLeaseAnswer).lease; */
export type RelayLeaseAnswer = z.infer<typeof RelayLeaseAnswerSchema>;
