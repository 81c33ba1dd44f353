/**
 * Entitlements on a phone confirmation. A confirmation ID has room for a bitmap, not for names, so a product
 * publishes an ordered list of its phone features (at most 20): bit i of a confirmation grants feature i of
 * that list. The list only ever grows at its end, so the list a vendor compiled into an older build of its app
 * is a prefix of today's and every bit it can read means what it meant when it was signed. The rule for what
 * does not fit: an entitlement that is not in the list, or past its 20th place, is not carried by phone (the
 * confirmation says some were withheld; a license file or an online activation carries every one); a bit
 * beyond the app's own list names a feature that build does not know, so it grants nothing there.
 */

/** Features one confirmation can carry: the bits of its bitmap. */
export const PHONE_FEATURE_SLOTS = 20;

/** What a license's entitlements become on a confirmation: the bitmap, and which ones it carries or withholds. */
export interface PhoneFeatureBits {
  readonly bits: number;
  readonly carried: readonly string[];
  readonly withheld: readonly string[];
}

/**
 * The bitmap for a license's effective entitlements over the product's phone feature list.
 * @example
 * phoneFeatureBits(["export", "print"], ["export", "raw"]); // { bits: 1, carried: ["export"], withheld: ["raw"] }
 */
export function phoneFeatureBits(list: readonly string[], entitlements: readonly string[]): PhoneFeatureBits {
  let bits = 0;
  const carried: string[] = [];
  const withheld: string[] = [];
  for (const name of [...new Set(entitlements)].sort()) {
    const index = list.indexOf(name);
    if (index < 0 || index >= PHONE_FEATURE_SLOTS) {
      withheld.push(name);
      continue;
    }
    bits |= 1 << index;
    carried.push(name);
  }
  return { bits, carried, withheld };
}

/**
 * The features a verified bitmap grants, named by the app's list; bits past the list grant nothing. Sorted, as
 * leases carry entitlements.
 * @example
 * phoneFeaturesOf(["export", "print"], 0b101); // ["export"]
 */
export function phoneFeaturesOf(list: readonly string[], bits: number): string[] {
  const names = list.slice(0, PHONE_FEATURE_SLOTS).filter((_, i) => (bits >>> i) & 1);
  return [...new Set(names)].sort();
}

/** Why a phone feature list was refused. */
export type PhoneFeatureListProblem = "too_many" | "repeated" | "not_appended";

/**
 * Check a product's next phone feature list against the one it has: at most 20 names, none twice, and the
 * current list kept in place at its start (a feature moved or removed would change what older apps read).
 * @example
 * phoneFeatureListProblem(["export"], ["export", "print"]); // undefined: an append
 * phoneFeatureListProblem(["export", "print"], ["print"]); // "not_appended"
 */
export function phoneFeatureListProblem(
  current: readonly string[],
  next: readonly string[],
): PhoneFeatureListProblem | undefined {
  if (next.length > PHONE_FEATURE_SLOTS) return "too_many";
  if (new Set(next).size !== next.length) return "repeated";
  if (current.some((name, i) => next[i] !== name)) return "not_appended";
  return undefined;
}

/**
 * The confirmation ID version a product answers in: 2 (18 groups, with the feature bitmap) once it has a phone
 * feature list, else 1 (17 groups, no features), which SDKs built before phone features read too.
 * @example
 * confirmationIdVersionOf({ phoneFeatures: ["export"] }); // 2
 */
export const confirmationIdVersionOf = (product: {
  readonly phoneFeatures?: readonly string[] | undefined;
}): 1 | 2 => ((product.phoneFeatures?.length ?? 0) > 0 ? 2 : 1);
