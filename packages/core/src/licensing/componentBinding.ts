import type { ComponentSet, Fingerprint } from "../matching/fingerprint.js";
import { slotValueOf } from "../matching/kindMatch.js";
import { compactBits, parseCompactDigest } from "../offline/compactFingerprint.js";
import { fail, ok, type Result } from "../result.js";
import type { BoundComponent, License, WarrantyRepair } from "./license.js";
import type { Policy } from "./policy.js";

/**
 * How a fingerprint reached the server: `full` (online, a request file: every component's keyed digest) or
 * `compact` (an installation ID read over the phone: a few bits per kind, `c1.<value>` digests).
 */
export type FingerprintForm = "full" | "compact";

/**
 * The fewest compact bits a bound kind needs for a phone activation to check it: a part that is not the bound
 * one then passes at most once in 2^9 − 1 = 511 (the board has 9 bits, a disk 10). Fewer (a NIC's 6, a GPU
 * model's 3) would let one machine in seven pass, and a vendor's own kind has no slot at all: such licenses are
 * refused by phone (BOUND_COMPONENT_NOT_BY_PHONE) rather than admitted blindly.
 */
export const BINDING_MIN_COMPACT_BITS = 9;

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

/**
 * What an activation does to a bound license: nothing, bind it (first device), rebind it by a repair, sharpen
 * a binding known only compactly (made by phone) to the full digests of the same part, seen online, or follow
 * the same part to the digest a newer collector reads for it (`migrate`).
 */
export type BindingOutcome =
  | { readonly kind: "unbound" }
  | { readonly kind: "kept" }
  | { readonly kind: "bind"; readonly bound: BoundComponent }
  | { readonly kind: "sharpen"; readonly bound: BoundComponent }
  | { readonly kind: "migrate"; readonly bound: BoundComponent }
  | { readonly kind: "rebind"; readonly bound: BoundComponent; readonly repair: WarrantyRepair };

const isCompact = (digest: string): boolean => parseCompactDigest(digest) !== undefined;

/**
 * Whether the presented digests include the bound part: one shared digest, or — when either side knows the
 * part only compactly (a phone activation) — one shared slot value.
 */
function presents(kind: string, bound: readonly string[], presented: readonly string[]): boolean {
  const stored = new Set(bound);
  if (presented.some((d) => stored.has(d))) return true;
  if (!bound.some(isCompact) && !presented.some(isCompact)) return false;
  const slots = new Set(bound.map((d) => slotValueOf(kind, d)).filter((v) => v !== undefined));
  return presented.some((d) => {
    const slot = slotValueOf(kind, d);
    return slot !== undefined && slots.has(slot);
  });
}

/**
 * Judge an activation (or a validation) of a bound license (OEM, bundle) by the fingerprint it presents (keyed
 * digests, or compact ones by phone): the first device binds the license to its component; later ones must
 * present it, else OEM_BOARD_CHANGED or BUNDLE_COMPONENT_CHANGED — unless support recorded a warranty repair,
 * which rebinds the license to the presented component once. This holds whatever the weighted matching says: a
 * machine recognised by its disk and install after a board swap is still refused on an OEM license.
 * By phone the part is compared by its compact slot (`BINDING_MIN_COMPACT_BITS`); a kind with too few bits for
 * that is refused by phone (BOUND_COMPONENT_NOT_BY_PHONE: a request file or online carries the full digest).
 * A collector release that reads the same board differently (a new SDK, an OS update) presents a new digest for
 * the same part; `migratedFrom` — the sets the device's predecessor collector read, only those the matching
 * already trusts (`migrationSets`: a real, one-time migration of a served device seen lately) — lets the binding
 * follow the part to its new digest (`migrate`) instead of refusing every OEM machine at the release.
 * Attacker: a user moving an OEM key to another machine, online or by phone / license file to dodge the online
 * rule; with the SDK as shipped, copying its state to another machine presents no migration (the collector is
 * the same), so the other board is refused. Limit: a client rewritten to replay the first board's digest (or to
 * claim a migration from it) passes this rule (the device limit and fork detection still hold); by phone, a board
 * whose 9-bit slot happens to equal the bound one's (1 in 511).
 * @example
 * const judged = judgeBinding(license, policy, fingerprint);
 * if (!judged.ok) refuse(judged.error); // OEM_BOARD_CHANGED
 */
export function judgeBinding(
  license: Pick<License, "boundComponent" | "warrantyRepair">,
  policy: Pick<Policy, "channel" | "bundleComponent">,
  fingerprint: Pick<Fingerprint, "components">,
  form: FingerprintForm = "full",
  migratedFrom: readonly Pick<ComponentSet, "components">[] = [],
): Result<BindingOutcome> {
  const kind = boundKindOf(policy);
  if (kind === undefined) return ok({ kind: "unbound" });
  if (form === "compact" && (compactBits(kind) ?? 0) < BINDING_MIN_COMPACT_BITS)
    return fail("BOUND_COMPONENT_NOT_BY_PHONE", { kind });
  const digests = fingerprint.components.filter((c) => c.kind === kind).map((c) => lower(c.digest));
  if (digests.length === 0) return fail("BOUND_COMPONENT_MISSING", { kind });
  const bound = license.boundComponent;
  const presented: BoundComponent = { kind, digests: [...new Set(digests)].sort() };
  if (bound === undefined || bound.kind !== kind) return ok({ kind: "bind", bound: presented });
  if (presents(kind, bound.digests, presented.digests)) {
    // Known by phone only, now seen in full: keep the full digests, so the slot's 1-in-511 stops counting.
    const sharpen = bound.digests.every(isCompact) && !presented.digests.some(isCompact);
    return ok(sharpen ? { kind: "sharpen", bound: presented } : { kind: "kept" });
  }
  const before = migratedFrom.flatMap((set) =>
    set.components.filter((c) => c.kind === kind).map((c) => lower(c.digest)),
  );
  if (before.length > 0 && presents(kind, bound.digests, before))
    return ok({ kind: "migrate", bound: presented });
  if (license.warrantyRepair) return ok({ kind: "rebind", bound: presented, repair: license.warrantyRepair });
  return policy.channel === "oem" ? fail("OEM_BOARD_CHANGED") : fail("BUNDLE_COMPONENT_CHANGED", { kind });
}

/** Digests compare case-blind; a compact one (`c1.<n>`) is already canonical. */
const lower = (digest: string): string => digest.toLowerCase();
