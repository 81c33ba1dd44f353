import { fail, ok, type Result } from "../result.js";
import { type License, licenseState } from "./license.js";
import type { Policy } from "./policy.js";

/** The base license an activation of an upgrade named, as the server found it (read under its row lock). */
export interface BaseCandidate {
  readonly license: License;
  /** How the client named it: by its key (proof of holding it) or by its id (proof only with `onThisMachine`). */
  readonly namedBy: "key" | "id";
  /** Whether an active device of the base is this machine (the fingerprint recognised on it). */
  readonly onThisMachine: boolean;
}

/** What an activation does to an upgrade's chain: nothing (not an upgrade), keep it, or consume a base. */
export type UpgradeOutcome =
  | { readonly kind: "none" }
  | { readonly kind: "kept"; readonly baseLicenseId: string }
  | { readonly kind: "consume"; readonly base: License };

/**
 * Judge an upgrade license's activation (story 7: a free upgrade is never lost). Its first activation must
 * name a qualifying base — same product, of the policy's `basePolicyId` when set, active, consumed by no other
 * upgrade — and consumes it; from then on the chain travels with the upgrade (a new machine needs no base
 * named again). By key the base is proven held; by id only when the base is activated on this machine.
 * Attacker: a user who names someone else's license id, or one base for two upgrades. Limit: whoever holds a
 * base key may spend it on an upgrade (a key is the proof of a right).
 * @example
 * const judged = judgeUpgrade(upgrade, policy, base, now);
 * if (judged.ok && judged.value.kind === "consume") markConsumed(judged.value.base.id, upgrade.id);
 */
export function judgeUpgrade(
  upgrade: License,
  policy: Pick<Policy, "channel" | "basePolicyId">,
  base: BaseCandidate | undefined,
  now: Date,
): Result<UpgradeOutcome> {
  if (policy.channel !== "upgrade") return ok({ kind: "none" });
  if (upgrade.baseLicenseId !== undefined) return ok({ kind: "kept", baseLicenseId: upgrade.baseLicenseId });
  if (base === undefined) return fail("UPGRADE_BASE_REQUIRED");
  const b = base.license;
  if (b.id === upgrade.id || b.productId !== upgrade.productId)
    return fail("UPGRADE_BASE_INVALID", { why: "policy" });
  if (policy.basePolicyId !== undefined && b.policyId !== policy.basePolicyId)
    return fail("UPGRADE_BASE_INVALID", { why: "policy" });
  if (b.consumedBy !== undefined && b.consumedBy !== upgrade.id)
    return fail("UPGRADE_BASE_INVALID", { why: "consumed" });
  if (licenseState(b, now) !== "active") return fail("UPGRADE_BASE_INVALID", { why: "inactive" });
  if (base.namedBy === "id" && !base.onThisMachine) return fail("UPGRADE_BASE_INVALID", { why: "machine" });
  return ok({ kind: "consume", base: b });
}
