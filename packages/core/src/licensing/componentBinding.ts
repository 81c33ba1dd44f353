import type { Fingerprint } from "../matching/fingerprint.js";
import { fail, ok, type Result } from "../result.js";
import type { BoundComponent, License, WarrantyRepair } from "./license.js";
import type { Policy } from "./policy.js";

/**
 * The component kind a policy's licenses are bound to: the board for `oem` (a preinstalled license belongs to
 * the motherboard it shipped on), the policy's `bundleComponent` for `bundle` (DSP: sold with a part), none for
 * every other channel.
 * @example
 * boundKindOf({ ...policy, channel: "oem" }); // "board"
 */
export function boundKindOf(policy: Pick<Policy, "channel" | "bundleComponent">): string | undefined {
  if (policy.channel === "oem") return "board";
  if (policy.channel === "bundle") return policy.bundleComponent;
  return undefined;
}

/** What an activation does to a bound license: nothing, bind it (first device), or rebind it by a repair. */
export type BindingOutcome =
  | { readonly kind: "unbound" }
  | { readonly kind: "kept" }
  | { readonly kind: "bind"; readonly bound: BoundComponent }
  | { readonly kind: "rebind"; readonly bound: BoundComponent; readonly repair: WarrantyRepair };

/**
 * Judge an activation of a bound license (OEM, bundle) by the fingerprint it presents (keyed digests): the
 * first device binds the license to its component; later ones must present it (one shared digest), else
 * OEM_BOARD_CHANGED or BUNDLE_COMPONENT_CHANGED — unless support recorded a warranty repair, which rebinds the
 * license to the presented component once. This holds whatever the weighted matching says: a machine
 * recognised by its disk and install after a board swap is still refused on an OEM license.
 * Attacker: a user moving an OEM key to another machine. Limit: a client rewritten to replay the first board's
 * digest passes this rule (the device limit and fork detection still hold).
 * @example
 * const judged = judgeBinding(license, policy, fingerprint);
 * if (!judged.ok) refuse(judged.error); // OEM_BOARD_CHANGED
 */
export function judgeBinding(
  license: Pick<License, "boundComponent" | "warrantyRepair">,
  policy: Pick<Policy, "channel" | "bundleComponent">,
  fingerprint: Pick<Fingerprint, "components">,
): Result<BindingOutcome> {
  const kind = boundKindOf(policy);
  if (kind === undefined) return ok({ kind: "unbound" });
  const digests = fingerprint.components.filter((c) => c.kind === kind).map((c) => c.digest.toLowerCase());
  if (digests.length === 0) return fail("BOUND_COMPONENT_MISSING", { kind });
  const bound = license.boundComponent;
  const presented: BoundComponent = { kind, digests: [...new Set(digests)].sort() };
  if (bound === undefined || bound.kind !== kind) return ok({ kind: "bind", bound: presented });
  const stored = new Set(bound.digests);
  if (presented.digests.some((d) => stored.has(d))) return ok({ kind: "kept" });
  if (license.warrantyRepair) return ok({ kind: "rebind", bound: presented, repair: license.warrantyRepair });
  return policy.channel === "oem" ? fail("OEM_BOARD_CHANGED") : fail("BUNDLE_COMPONENT_CHANGED", { kind });
}
