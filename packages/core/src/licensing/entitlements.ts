import type { EntitlementChanges, License } from "./license.js";
import type { Policy } from "./policy.js";

/**
 * The features a license grants: its policy's, plus those the license adds, minus those it removes (a removal
 * wins over the policy, an addition over nothing else). Sorted and without repeats, as leases carry them.
 * @example
 * effectiveEntitlements({ entitlements: ["pro"] }, { entitlementChanges: { add: ["export"], remove: [] } });
 * // ["export", "pro"]
 */
export function effectiveEntitlements(
  policy: Pick<Policy, "entitlements">,
  license: Pick<License, "entitlementChanges">,
): string[] {
  const changes = license.entitlementChanges;
  if (changes === undefined) return policy.entitlements;
  const removed = new Set(changes.remove);
  return [...new Set([...policy.entitlements, ...changes.add])].filter((e) => !removed.has(e)).sort();
}

/**
 * A license's changes after an admin adds and removes features: adding undoes an earlier removal of the same
 * feature and the other way round; `undefined` when nothing is left to change.
 * @example
 * changeEntitlements(undefined, ["export"], []); // { add: ["export"], remove: [] }
 */
export function changeEntitlements(
  current: EntitlementChanges | undefined,
  add: readonly string[],
  remove: readonly string[],
): EntitlementChanges | undefined {
  const adding = new Set(add);
  const removing = new Set(remove);
  const nextAdd = new Set([...(current?.add ?? []).filter((e) => !removing.has(e)), ...add]);
  const nextRemove = new Set([...(current?.remove ?? []).filter((e) => !adding.has(e)), ...remove]);
  for (const e of nextRemove) nextAdd.delete(e);
  if (nextAdd.size === 0 && nextRemove.size === 0) return undefined;
  return { add: [...nextAdd].sort(), remove: [...nextRemove].sort() };
}
