import { type License, type LicenseOverrides, mergeOverrides, type Policy, type Result } from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import { changeLicense } from "./licenseActions.js";

/**
 * Move a license to another policy of its product (a plan change). Its devices keep their activations; the new
 * rules apply from each device's next lease on. An archived policy takes no license.
 * @example
 * await moveToPolicy(deps, "lic_…", target, "token:tok_…", "upgraded to the family plan");
 */
export function moveToPolicy(
  deps: ServerDeps,
  licenseId: string,
  target: Policy,
  actor: string,
  reason: string,
): Promise<Result<License>> {
  return changeLicense(deps, licenseId, actor, reason, (license) => {
    if (target.productId !== license.productId) {
      return { code: "POLICY_OF_OTHER_PRODUCT", params: { policyId: target.id, licenseId } };
    }
    if (target.archivedAt !== undefined) return { code: "POLICY_ARCHIVED", params: { policyId: target.id } };
    return {
      patch: { policyId: target.id },
      event: "license.policy_changed",
      data: { from: license.policyId, to: target.id },
      next: { ...license, policyId: target.id },
    };
  });
}

/** An override patch: a value to set, `null` to follow the policy again. */
export type OverridesPatch = {
  readonly [F in keyof LicenseOverrides]?: LicenseOverrides[F] | null | undefined;
};

/**
 * Set or clear a license's own values in place of its policy's (device limit, transfer allowance). Decisions
 * read `effectivePolicy`, so the change holds from the device's next contact.
 * @example
 * await setOverrides(deps, "lic_…", { maxDevices: 5 }, "token:tok_…", "bought two more machines");
 */
export function setOverrides(
  deps: ServerDeps,
  licenseId: string,
  patch: OverridesPatch,
  actor: string,
  reason: string,
): Promise<Result<License>> {
  return changeLicense(deps, licenseId, actor, reason, (license) => {
    const overrides = mergeOverrides(license.overrides, patch);
    const { overrides: _o, ...rest } = license;
    return {
      patch: { overrides: overrides ?? null },
      event: "license.overrides_changed",
      data: { from: license.overrides ?? {}, to: overrides ?? {} },
      next: overrides === undefined ? rest : { ...rest, overrides },
    };
  });
}

/**
 * A note for staff on a license, kept in its timeline (never shown to the owner) and the audit log.
 * @example
 * await addNote(deps, "lic_…", "token:tok_…", "customer called: new PC next week");
 */
export function addNote(
  deps: ServerDeps,
  licenseId: string,
  actor: string,
  text: string,
): Promise<Result<License>> {
  return changeLicense(deps, licenseId, actor, text, (license) => ({
    patch: {},
    event: "license.noted",
    data: {},
    next: license,
  }));
}
