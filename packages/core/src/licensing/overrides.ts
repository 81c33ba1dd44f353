import type { Policy } from "./policy.js";

/**
 * What an admin changed on one license without changing its policy (a customer who bought two extra seats, a
 * goodwill transfer). Absent fields follow the policy, so a later policy edit still reaches this license.
 * Expiry is the license's own `expiresAt` (see the extend action); entitlements a license adds or removes are
 * kept with the entitlement rules.
 */
export interface LicenseOverrides {
  /** Devices that may hold an activation at once, in place of the policy's `maxDevices`. */
  readonly maxDevices?: number;
  /** Self-service transfers in any 365 days, in place of the policy's `transfersPerYear`. */
  readonly transfersPerYear?: number;
  /** Whether the license may move in self-service, in place of the policy's `transferable`. */
  readonly transferable?: boolean;
}

/** The fields an override may set, in a fixed order (for tables, patches and the timeline). */
export const overrideFields = ["maxDevices", "transfersPerYear", "transferable"] as const;

/**
 * The rules one license follows: its policy with the license's overrides laid over it. Every decision about a
 * license's devices reads this, never the bare policy, so an override takes effect at the device's next contact.
 * @example
 * effectivePolicy(policy, { ...license, overrides: { maxDevices: 5 } }).maxDevices; // 5
 */
export function effectivePolicy(policy: Policy, license: { readonly overrides?: LicenseOverrides }): Policy {
  const overrides = license.overrides;
  if (overrides === undefined) return policy;
  return {
    ...policy,
    ...(overrides.maxDevices === undefined ? {} : { maxDevices: overrides.maxDevices }),
    ...(overrides.transfersPerYear === undefined ? {} : { transfersPerYear: overrides.transfersPerYear }),
    ...(overrides.transferable === undefined ? {} : { transferable: overrides.transferable }),
  };
}

/**
 * Overrides after a patch: a field set to `null` goes back to the policy's value; `undefined` when none is left.
 * @example
 * mergeOverrides({ maxDevices: 5 }, { maxDevices: null }); // undefined
 */
export function mergeOverrides(
  current: LicenseOverrides | undefined,
  patch: { readonly [F in keyof LicenseOverrides]?: LicenseOverrides[F] | null | undefined },
): LicenseOverrides | undefined {
  const merged: { -readonly [F in keyof LicenseOverrides]: LicenseOverrides[F] } = { ...current };
  for (const field of overrideFields) {
    const value = patch[field];
    if (value === null) delete merged[field];
    else if (value !== undefined) Object.assign(merged, { [field]: value });
  }
  return Object.keys(merged).length === 0 ? undefined : merged;
}
