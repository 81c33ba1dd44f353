import { effectiveEntitlements, type License, type Policy } from "@ninsho/core";
import type { ServerDeps } from "../deps.js";

/**
 * What an owner sees of a license's channel: the channel, the features it grants, and its upgrade chain in
 * both directions (the base an upgrade builds on; the upgrade a base went into), so a right paid for is always
 * in view (story 7).
 * @example
 * const shown = { ...view, ...(await channelView(deps, license, policy)) };
 */
export async function channelView(deps: ServerDeps, license: License, policy: Policy | undefined) {
  const link = async (id: string | undefined) => {
    if (id === undefined) return undefined;
    const other = await deps.store.licenses.findById(id);
    if (!other) return undefined;
    const otherPolicy = await deps.policies.get(other.policyId);
    return { id: other.id, keyHint: other.keyHint, policyName: otherPolicy?.name ?? other.policyId };
  };
  const [upgradeOf, upgradedBy] = await Promise.all([link(license.baseLicenseId), link(license.consumedBy)]);
  return {
    ...(policy === undefined
      ? {}
      : { channel: policy.channel, entitlements: effectiveEntitlements(policy, license) }),
    ...(upgradeOf === undefined ? {} : { upgradeOf }),
    ...(upgradedBy === undefined ? {} : { upgradedBy }),
  };
}
