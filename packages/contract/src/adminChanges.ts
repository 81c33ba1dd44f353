import * as z from "zod";
import { PageQuery, PhoneFeatures, policyFields, ReasonSchema } from "./admin.js";
import { IsoInstant } from "./common.js";

/**
 * The body of `PATCH /v1/admin/products/{id}`: a new name, a longer phone feature list (the current one kept at
 * its start), or both, and why.
 *
 * @example
 * const body: ProductPatch = { name: "Photo Studio 2027", reason: "renamed for the new release" };
 * const more: ProductPatch = { phoneFeatures: ["export", "print"], reason: "print add-on by phone" };
 */
export const ProductPatchSchema = ReasonSchema.extend({
  name: z.string().min(1).max(200).optional(),
  phoneFeatures: PhoneFeatures.optional(),
})
  .strict()
  .meta({ id: "ProductPatch" });
/** @example const body: ProductPatch = { name: "Photo Studio", reason: "typo" }; */
export type ProductPatch = z.input<typeof ProductPatchSchema>;

/**
 * The body of `PATCH /v1/admin/policies/{id}`: the fields to change (the channel and the product never change:
 * that is a new policy), and why. The change reaches each license of the policy from its next lease on.
 *
 * @example
 * const body: PolicyPatch = { maxDevices: 3, reason: "three machines per seat from 2027" };
 */
export const PolicyPatchSchema = ReasonSchema.extend({
  name: policyFields.name.optional(),
  maxDevices: policyFields.maxDevices.optional(),
  leaseSeconds: policyFields.leaseSeconds.optional(),
  graceSeconds: policyFields.graceSeconds.optional(),
  matchThreshold: policyFields.matchThreshold.optional(),
  componentWeights: policyFields.componentWeights.optional(),
  transferable: policyFields.transferable.optional(),
  transfersPerYear: policyFields.transfersPerYear.optional(),
  transferCooldownSeconds: policyFields.transferCooldownSeconds.optional(),
  entitlements: policyFields.entitlements.optional(),
})
  .strict()
  .meta({ id: "PolicyPatch" });
/** @example const body: PolicyPatch = { leaseSeconds: 86_400, reason: "shorter leases" }; */
export type PolicyPatch = z.input<typeof PolicyPatchSchema>;

/**
 * The body of `POST /v1/admin/licenses/{id}/policy`: move a license to another policy of its product.
 *
 * @example
 * const body: PolicyMove = { policyId: "pol_…", reason: "upgraded to the family plan" };
 */
export const PolicyMoveSchema = ReasonSchema.extend({ policyId: z.string().min(1).max(64) })
  .strict()
  .meta({ id: "PolicyMove" });
/** @example const body: PolicyMove = { policyId: "pol_…", reason: "plan change" }; */
export type PolicyMove = z.input<typeof PolicyMoveSchema>;

/**
 * The body of `PATCH /v1/admin/licenses/{id}/overrides`: this license's own values in place of its policy's
 * (`null`: follow the policy again), and why.
 *
 * @example
 * const body: OverridesPatch = { maxDevices: 5, reason: "bought two extra machines" };
 */
export const OverridesPatchSchema = ReasonSchema.extend({
  maxDevices: policyFields.maxDevices.nullable().optional(),
  transfersPerYear: policyFields.transfersPerYear.nullable().optional(),
  transferable: policyFields.transferable.nullable().optional(),
})
  .strict()
  .meta({ id: "OverridesPatch" });
/** @example const body: OverridesPatch = { transfersPerYear: null, reason: "back to the policy" }; */
export type OverridesPatch = z.input<typeof OverridesPatchSchema>;

/**
 * The body of `POST /v1/admin/licenses/{id}/notes`: a note for staff, kept in the license's timeline (never
 * shown to the owner).
 *
 * @example
 * const body: NoteRequest = { text: "Customer called: new PC next week" };
 */
export const NoteRequestSchema = z
  .object({ text: z.string().min(1).max(2000) })
  .strict()
  .meta({ id: "NoteRequest" });
/** @example const body: NoteRequest = { text: "warranty case #123" }; */
export type NoteRequest = z.input<typeof NoteRequestSchema>;

/**
 * The query of `GET /v1/admin/audit`: entries about one target (`pol_…`, `lic_…`, `tok_…`, `prd_…`, `whk_…`) or
 * of one type, a page at a time.
 *
 * @example
 * AuditQuerySchema.parse({ target: "tok_…", limit: "50" });
 */
export const AuditQuerySchema = z.object({
  target: z.string().max(64).optional(),
  type: z.string().max(64).optional(),
  ...PageQuery,
});

/**
 * One entry of the audit log: who did what to what, and why.
 *
 * @example
 * AuditEntrySchema.parse(body).type; // "token.revoked"
 */
export const AuditEntrySchema = z
  .object({
    id: z.string(),
    type: z.string(),
    actor: z.string().meta({ description: "token:tok_… (an admin token) or operator:user@host" }),
    target: z.string().optional(),
    reason: z.string().optional(),
    data: z.record(z.string(), z.unknown()),
    createdAt: IsoInstant,
  })
  .meta({ id: "AuditEntry" });

/**
 * A page of the audit log, oldest first.
 *
 * @example
 * const { entries } = AuditListSchema.parse(body);
 */
export const AuditListSchema = z.object({ entries: z.array(AuditEntrySchema) }).meta({ id: "AuditList" });
/** @example const first = (page satisfies AuditList).entries[0]; */
export type AuditList = z.infer<typeof AuditListSchema>;
