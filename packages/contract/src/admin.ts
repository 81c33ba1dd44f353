import { channels, licenseStatuses, roles } from "@ninsho/core";
import * as z from "zod";
import { IsoInstant } from "./common.js";
import { ProductKeyInput } from "./device.js";

/**
 * A product's ordered phone feature list (see docs/offline-activation.md).
 *
 * @example
 * PhoneFeatures.parse(["export", "print"]);
 */
export const PhoneFeatures = z.array(z.string().min(1).max(100)).max(20).meta({
  description:
    "Features a phone confirmation can carry, in order: bit i of a confirmation ID grants feature i. At most 20; only ever appended to (apps already built read the old places)",
});

/**
 * A product: software a vendor sells.
 *
 * @example
 * const product = ProductSchema.parse(body); // { id: "prd_…", name: "Photo Studio", createdAt: "…" }
 */
export const ProductSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: IsoInstant,
    archivedAt: IsoInstant.optional().meta({ description: "Archived: no new policies or keys" }),
    phoneFeatures: PhoneFeatures.optional(),
  })
  .meta({ id: "Product" });

/**
 * When a policy's licenses end.
 *
 * @example
 * ExpirySchema.parse({ kind: "duration", seconds: 365 * 86_400 });
 */
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
  .meta({ id: "Expiry", description: "none; a fixed date; or a duration from the first activation" });

/** The fields of a policy an admin sets, shared by the create and edit bodies. */
export const policyFields = {
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
  transferCooldownSeconds: z
    .number()
    .int()
    .min(0)
    .max(365 * 86_400)
    .meta({
      description: "Seconds to wait after a self-service transfer before the next (0: none)",
    }),
  entitlements: z.array(z.string().min(1).max(100)).max(100),
};

/** The fields of a seat policy (`floating`, `workload`), all optional on every policy. */
const seatFields = {
  seats: z.number().int().min(1).max(1_000_000).optional().meta({
    description: "Floating and workload policies: seats in the pool (machines or instances at once)",
  }),
  heartbeatTimeoutSeconds: z
    .number()
    .int()
    .min(2)
    .max(7 * 86_400)
    .optional()
    .meta({ description: "A seat not heartbeated for this long is free again (default 300, workloads 30)" }),
  overage: z
    .object({ percent: z.number().int().min(1).max(100), hours: z.number().int().min(1).max(720) })
    .strict()
    .optional()
    .meta({ description: "Extra seats (percent of the pool) for a window of hours when the pool is full" }),
  borrowMaxDays: z.number().int().min(1).max(365).optional().meta({
    description: "Floating policies: the longest a seat may be borrowed offline, in days",
  }),
};

/** A feature name, as policies and licenses grant it and leases carry it. */
const EntitlementName = z.string().min(1).max(100);

/** What a license adds to and removes from its policy's entitlements. */
const EntitlementChangesSchema = z
  .object({ add: z.array(z.string()), remove: z.array(z.string()) })
  .meta({ id: "EntitlementChanges" });

/** The fields of one channel each (`bundle`, `subscription`), optional on every policy. */
const channelFields = {
  bundleComponent: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,31}$/)
    .optional()
    .meta({ description: "Bundle (DSP) policies: the component kind the license is sold with and bound to" }),
  graceAfterPaymentFailureDays: z.number().int().min(0).max(90).optional().meta({
    description: "Subscription policies: days a license keeps working after a failed payment (default 7)",
  }),
};

/**
 * The body of `POST /v1/admin/policies`: anything omitted takes the server's defaults.
 *
 * @example
 * const input: PolicyInput = { productId: "prd_…", name: "Retail", channel: "retail", maxDevices: 2 };
 */
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
    transferCooldownSeconds: policyFields.transferCooldownSeconds.optional(),
    entitlements: policyFields.entitlements.optional(),
    basePolicyId: z.string().min(1).max(64).optional(),
    ...seatFields,
    ...channelFields,
  })
  .strict()
  .meta({ id: "PolicyInput" });

/**
 * A policy: a license template (policies never change once created).
 *
 * @example
 * PolicySchema.parse(body).maxDevices; // 2
 */
export const PolicySchema = z
  .object({
    id: z.string(),
    productId: z.string(),
    ...policyFields,
    transferCooldownSeconds: policyFields.transferCooldownSeconds.optional(),
    basePolicyId: z.string().optional(),
    ...seatFields,
    ...channelFields,
    createdAt: IsoInstant,
    updatedAt: IsoInstant.optional().meta({
      description: "Last edit; it reaches licenses at their next lease",
    }),
    archivedAt: IsoInstant.optional().meta({
      description: "Archived: keeps its licenses, takes no new ones",
    }),
  })
  .meta({ id: "Policy" });

/**
 * A license as an admin sees it, with its state at the time of the answer (expiry included).
 *
 * @example
 * LicenseSchema.parse(body).state; // "suspended"
 */
export const LicenseSchema = z
  .object({
    id: z.string(),
    productId: z.string(),
    policyId: z.string(),
    status: z.enum(["active", "suspended", "revoked"]),
    state: z.enum(["active", "suspended", "revoked", "expired"]),
    statusReason: z.string().optional(),
    keyHint: z.string().meta({ description: "Last group of the key" }),
    ownerEmail: z.string().optional(),
    baseLicenseId: z.string().optional(),
    createdAt: IsoInstant,
    firstActivatedAt: IsoInstant.optional(),
    expiresAt: IsoInstant.optional(),
    overrides: z
      .object({
        maxDevices: z.number().int().optional(),
        transfersPerYear: z.number().int().optional(),
        transferable: z.boolean().optional(),
      })
      .optional()
      .meta({ description: "This license's own values in place of its policy's" }),
    consumedBy: z.string().optional().meta({
      description:
        "A base license consumed by an upgrade: the upgrade's id (the chain: upgrade → baseLicenseId)",
    }),
    boundComponent: z
      .object({ kind: z.string() })
      .optional()
      .meta({ description: "OEM and bundle licenses: the component kind the license is bound to" }),
    warrantyRepair: z
      .object({ at: IsoInstant, actor: z.string(), reason: z.string() })
      .optional()
      .meta({ description: "A warranty repair recorded and not used yet: the next activation rebinds once" }),
    entitlementChanges: EntitlementChangesSchema.optional(),
    pastDueSince: IsoInstant.optional().meta({
      description:
        "Subscriptions: when a payment failed and was not made good yet (the license runs its grace)",
    }),
  })
  .meta({ id: "License" });

/**
 * The body of `POST /v1/admin/licenses/{id}/entitlements`: features the license adds to or removes from its
 * policy's, and why.
 *
 * @example
 * const body: EntitlementsRequest = { add: ["export"], remove: [], reason: "bought the export add-on" };
 */
export const EntitlementsRequestSchema = z
  .object({
    add: z.array(EntitlementName).max(100).default([]),
    remove: z.array(EntitlementName).max(100).default([]),
    reason: z.string().min(1).max(500),
  })
  .strict()
  .meta({ id: "EntitlementsRequest" });

/**
 * The body of `POST /v1/admin/licenses/{id}/warranty-repairs`: why support lets an OEM or bundle license move
 * to the repaired machine's new component once.
 *
 * @example
 * const body: WarrantyRepairRequest = { reason: "board replaced under warranty, RMA 4411" };
 */
export const WarrantyRepairRequestSchema = z
  .object({ reason: z.string().min(1).max(500) })
  .strict()
  .meta({ id: "WarrantyRepairRequest" });

/**
 * A device as the admin API shows it (without its lease internals).
 *
 * @example
 * DeviceSchema.parse(body).deactivatedAt; // "2026-…" once deactivated
 */
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
          digest: z.string().optional().meta({
            description:
              "The stored (keyed) digest: `k1.<slot>.<hmac>` under a key derived from the master key, or `c1.<slot>` for a component known only from an installation ID. Shown to the admin role only",
          }),
        }),
      )
      .meta({
        description: "What the device was recognised by; support and readonly tokens see the kinds only",
      }),
    activatedAt: IsoInstant,
    lastSeenAt: IsoInstant,
    deactivatedAt: IsoInstant.optional(),
    forkedAt: IsoInstant.optional().meta({
      description:
        "When two live copies of this device were established: every path answers DEVICE_FORKED until a transfer moves the license off it or support deactivates it",
    }),
  })
  .meta({ id: "Device" });

/**
 * One entry of a license's timeline.
 *
 * @example
 * EventSchema.parse(body).type; // "license.suspended"
 */
export const EventSchema = z
  .object({
    id: z.string(),
    licenseId: z.string(),
    type: z.string(),
    actor: z.string(),
    reason: z.string().optional(),
    data: z.record(z.string(), z.unknown()),
    createdAt: IsoInstant,
    code: z.string().optional().meta({
      description: "What happened, for timelineMessage (the type, or policy.updated for a policy edit)",
    }),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .optional()
      .meta({ description: "The values timelineMessage words the code with" }),
  })
  .meta({ id: "Event" });

/**
 * An admin token's record (never the token itself).
 *
 * @example
 * TokenSchema.parse(body).role; // "support"
 */
export const TokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(roles),
    createdAt: IsoInstant,
    lastUsedAt: IsoInstant.optional(),
    revokedAt: IsoInstant.optional(),
  })
  .meta({ id: "AdminToken" });

/** @example const product: Product = { id: "prd_…", name: "Photo Studio", createdAt: "…" }; */
export type Product = z.infer<typeof ProductSchema>;
/** @example const input: PolicyInput = { productId: "prd_…", name: "Retail", channel: "retail" }; */
export type PolicyInput = z.input<typeof PolicyInputSchema>;
/** @example const days = (policy satisfies Policy).leaseSeconds / 86_400; */
export type Policy = z.infer<typeof PolicySchema>;
/** @example const state = (license satisfies AdminLicense).state; */
export type AdminLicense = z.infer<typeof LicenseSchema>;
/** @example const name = (device satisfies AdminDevice).name; */
export type AdminDevice = z.infer<typeof DeviceSchema>;
/** @example const who = (event satisfies LicenseEvent).actor; */
export type LicenseEvent = z.infer<typeof EventSchema>;
/** @example const role = (token satisfies AdminToken).role; */
export type AdminToken = z.infer<typeof TokenSchema>;

/**
 * A body that only says why (suspend, reinstate, revoke, deactivate a device).
 *
 * @example
 * const body: Reason = { reason: "chargeback" };
 */
export const ReasonSchema = z.object({ reason: z.string().min(1).max(500) }).strict();
/** @example const body: Reason = { reason: "chargeback" }; */
export type Reason = z.input<typeof ReasonSchema>;

/**
 * Paging of lists: the items after an id, at most `limit` of them.
 *
 * @example
 * const page = z.object(PageQuery).parse({ after: "evt_…", limit: "100" });
 */
export const PageQuery = {
  after: z.string().max(64).optional().meta({ description: "Return items after this id" }),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
};

/**
 * The body of `POST /v1/admin/products`.
 *
 * @example
 * const body: ProductInput = { name: "Photo Studio" };
 */
export const ProductInputSchema = z
  .object({ name: z.string().min(1).max(200), phoneFeatures: PhoneFeatures.optional() })
  .strict();
/** @example const body: ProductInput = { name: "Photo Studio" }; */
export type ProductInput = z.input<typeof ProductInputSchema>;

/**
 * `GET /v1/admin/products`.
 *
 * @example
 * const { products } = ProductListSchema.parse(body);
 */
export const ProductListSchema = z.object({ products: z.array(ProductSchema) });
/** @example const names = (list satisfies ProductList).products.map((p) => p.name); */
export type ProductList = z.infer<typeof ProductListSchema>;

/**
 * A product with the public halves of its signing keys and its offline key.
 *
 * @example
 * ProductDetailSchema.parse(body).publicKeys[0]?.kid;
 */
export const ProductDetailSchema = ProductSchema.extend({
  publicKeys: z.array(
    z.object({
      kid: z.string(),
      x: z.string(),
      createdAt: z.string(),
      activeFrom: z.string().optional().meta({ description: "When it starts signing, if after createdAt" }),
      retiredAt: z.string().optional().meta({ description: "When it stops (or stopped) signing" }),
    }),
  ),
  fingerprintSalt: z.string().optional().meta({
    description:
      "The secret the app ships as the SDK's `productSalt`: its component digests are salted with it instead of the public product id. Shown to the admin role only",
  }),
  offline: z
    .object({ productNumber: z.number().int(), publicKey: z.string(), phoneFeatures: z.array(z.string()) })
    .meta({
      description:
        "Offline activation: the product number, BLS public key and phone feature list, as the SDK's `offline` option takes them (see GET /v1/products/{id}/offline-key)",
    }),
});
/** @example const kids = (product satisfies ProductDetail).publicKeys.map((k) => k.kid); */
export type ProductDetail = z.infer<typeof ProductDetailSchema>;

/**
 * The body of `POST /v1/admin/products/{id}/signing-keys`.
 *
 * @example
 * const body: RotationRequest = { activatesAt: "2026-06-01T00:00:00Z" };
 */
export const RotationRequestSchema = z
  .object({ activatesAt: z.iso.datetime({ offset: true }).optional() })
  .strict();
/** @example const body: RotationRequest = {}; // now */
export type RotationRequest = z.input<typeof RotationRequestSchema>;

/**
 * What a signing-key rotation did.
 *
 * @example
 * SigningKeyRotationSchema.parse(body).retired; // ["k1"]
 */
export const SigningKeyRotationSchema = z
  .object({
    productId: z.string(),
    kid: z.string(),
    x: z.string().meta({ description: "The new Ed25519 public key (JWK `x`), published in the JWKS now" }),
    activeFrom: IsoInstant.meta({ description: "When the new key starts signing" }),
    retired: z
      .array(z.string())
      .meta({ description: "Kids that sign nothing from `activeFrom` on; they still verify" }),
  })
  .meta({ id: "SigningKeyRotation" });
/** @example const kid = (rotation satisfies SigningKeyRotation).kid; */
export type SigningKeyRotation = z.infer<typeof SigningKeyRotationSchema>;

/**
 * The query of `GET /v1/admin/policies`.
 *
 * @example
 * const query: PolicyQuery = { productId: "prd_…" };
 */
export const PolicyQuerySchema = z.object({ productId: z.string().max(64).optional() });
/** @example const query: PolicyQuery = {}; */
export type PolicyQuery = z.input<typeof PolicyQuerySchema>;

/**
 * `GET /v1/admin/policies`.
 *
 * @example
 * const { policies } = PolicyListSchema.parse(body);
 */
export const PolicyListSchema = z.object({ policies: z.array(PolicySchema) });
/** @example const count = (list satisfies PolicyList).policies.length; */
export type PolicyList = z.infer<typeof PolicyListSchema>;

/**
 * Filters and paging of `GET /v1/admin/licenses`.
 *
 * @example
 * const query: LicenseQuery = { policyId: "pol_…", status: "suspended", limit: 50 };
 */
export const LicenseQuerySchema = z.object({
  productId: z.string().max(64).optional(),
  policyId: z.string().max(64).optional(),
  status: z.enum(licenseStatuses).optional(),
  email: z.string().max(320).optional(),
  ...PageQuery,
});
/** @example const query: LicenseQuery = { status: "suspended" }; */
export type LicenseQuery = z.infer<typeof LicenseQuerySchema>;

/**
 * `GET /v1/admin/licenses`.
 *
 * @example
 * const { licenses } = LicenseListSchema.parse(body);
 */
export const LicenseListSchema = z.object({ licenses: z.array(LicenseSchema) });
/** @example const count = (list satisfies LicenseList).licenses.length; */
export type LicenseList = z.infer<typeof LicenseListSchema>;

/**
 * The body of `POST /v1/admin/licenses/lookup`: the key travels in the body, never in a URL (URLs are logged by
 * proxies and kept in histories).
 *
 * @example
 * const body: LookupRequest = { key: "K7QXM-2H9RB-…" };
 */
export const LookupRequestSchema = z.object({ key: ProductKeyInput }).strict();
/** @example const body: LookupRequest = { key }; */
export type LookupRequest = z.input<typeof LookupRequestSchema>;

/**
 * A license with all its devices, deactivated ones included.
 *
 * @example
 * LicenseDetailSchema.parse(body).devices.length; // 2
 */
export const LicenseDetailSchema = LicenseSchema.extend({ devices: z.array(DeviceSchema) });
/** @example const devices = (detail satisfies LicenseDetail).devices; */
export type LicenseDetail = z.infer<typeof LicenseDetailSchema>;

/**
 * A page of a license's timeline, oldest first.
 *
 * @example
 * const { events } = TimelineSchema.parse(body);
 */
export const TimelineSchema = z.object({ events: z.array(EventSchema) });
/** @example const first = (timeline satisfies Timeline).events[0]; */
export type Timeline = z.infer<typeof TimelineSchema>;

/**
 * A license's product key, read again.
 *
 * @example
 * RevealedKeySchema.parse(body).key; // "K7QXM-…"
 */
export const RevealedKeySchema = z.object({ key: z.string() });
/** @example const key = (answer satisfies RevealedKey).key; */
export type RevealedKey = z.infer<typeof RevealedKeySchema>;

/**
 * The body of `POST /v1/admin/licenses/{id}/extend`: the new expiry (`null`: perpetual) and why.
 *
 * @example
 * const body: ExtendRequest = { expiresAt: "2027-12-31T00:00:00Z", reason: "renewal" };
 */
export const ExtendRequestSchema = ReasonSchema.extend({
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
}).strict();
/** @example const body: ExtendRequest = { expiresAt: null, reason: "made perpetual" }; */
export type ExtendRequest = z.input<typeof ExtendRequestSchema>;

/**
 * The body of `POST /v1/admin/licenses/{id}/owner`: the new owner (`null`: none) and why.
 *
 * @example
 * const body: OwnerRequest = { email: "new@example.com", reason: "sold the company" };
 */
export const OwnerRequestSchema = ReasonSchema.extend({ email: z.email().max(320).nullable() }).strict();
/** @example const body: OwnerRequest = { email: null, reason: "account closed" }; */
export type OwnerRequest = z.input<typeof OwnerRequestSchema>;

const PolicyId = z.string().min(1).max(64);
const OwnerEmail = z.email().max(320).optional();

/**
 * The body of `POST /v1/admin/licenses`: up to 1,000 licenses whose keys the answer shows once.
 *
 * @example
 * const body: IssueRequest = { policyId: "pol_…", count: 10 };
 */
export const IssueRequestSchema = z
  .object({ policyId: PolicyId, count: z.number().int().min(1).max(1000).default(1), ownerEmail: OwnerEmail })
  .strict();
/** @example const body: IssueRequest = { policyId: "pol_…" }; // one license */
export type IssueRequest = z.input<typeof IssueRequestSchema>;

/**
 * The licenses just issued, each with its key.
 *
 * @example
 * IssuedLicensesSchema.parse(body).licenses[0]?.key;
 */
export const IssuedLicensesSchema = z.object({
  licenses: z.array(LicenseSchema.extend({ key: z.string() })),
});
/** @example const keys = (issued satisfies IssuedLicenses).licenses.map((l) => l.key); */
export type IssuedLicenses = z.infer<typeof IssuedLicensesSchema>;

/**
 * The body of `POST /v1/admin/key-batches`: any number of keys, streamed as CSV.
 *
 * @example
 * const body: KeyBatchRequest = { policyId: "pol_…", count: 1_000_000 };
 */
export const KeyBatchRequestSchema = z
  .object({ policyId: PolicyId, count: z.number().int().min(1).max(10_000_000), ownerEmail: OwnerEmail })
  .strict();
/** @example const body: KeyBatchRequest = { policyId: "pol_…", count: 5000 }; */
export type KeyBatchRequest = z.input<typeof KeyBatchRequestSchema>;

/**
 * The body of `POST /v1/admin/tokens`.
 *
 * @example
 * const body: TokenRequest = { name: "ci", role: "readonly" };
 */
export const TokenRequestSchema = z
  .object({ name: z.string().min(1).max(100), role: z.enum(roles) })
  .strict();
/** @example const body: TokenRequest = { name: "desk", role: "support" }; */
export type TokenRequest = z.input<typeof TokenRequestSchema>;

/**
 * A token just created: the only answer that holds the token itself.
 *
 * @example
 * CreatedTokenSchema.parse(body).token; // "nsh_admin_…"
 */
export const CreatedTokenSchema = TokenSchema.extend({ token: z.string() });
/** @example const secret = (created satisfies CreatedToken).token; */
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;

/**
 * `GET /v1/admin/tokens`.
 *
 * @example
 * const { tokens } = TokenListSchema.parse(body);
 */
export const TokenListSchema = z.object({ tokens: z.array(TokenSchema) });
/** @example const names = (list satisfies TokenList).tokens.map((t) => t.name); */
export type TokenList = z.infer<typeof TokenListSchema>;

/**
 * Who the token in use is.
 *
 * @example
 * WhoamiSchema.parse(body); // { tokenId: "tok_…", role: "admin" }
 */
export const WhoamiSchema = z.object({ tokenId: z.string(), role: z.enum(roles) });
/** @example const role = (me satisfies Whoami).role; */
export type Whoami = z.infer<typeof WhoamiSchema>;
/** @example const body: EntitlementsRequest = { add: ["export"], remove: [], reason: "add-on bought" }; */
export type EntitlementsRequest = z.input<typeof EntitlementsRequestSchema>;
/** @example const body: WarrantyRepairRequest = { reason: "board replaced under warranty" }; */
export type WarrantyRepairRequest = z.input<typeof WarrantyRepairRequestSchema>;
