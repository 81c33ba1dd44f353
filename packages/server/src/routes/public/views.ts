import { effectiveEntitlements, type License, licenseState, type Policy } from "@ninsho/core";

/** What a device is told about its license. */
export const licenseView = (license: License, policy: Policy, now: Date) => ({
  id: license.id,
  status: license.status,
  state: licenseState(license, now),
  channel: policy.channel,
  policyId: policy.id,
  productId: license.productId,
  entitlements: effectiveEntitlements(policy, license),
  maxDevices: policy.maxDevices,
  ...(license.expiresAt === undefined ? {} : { expiresAt: license.expiresAt }),
});
