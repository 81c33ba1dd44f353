import type { ComponentComparison, ComponentOutcome, MatchExplanation } from "../matching/explanation.js";
import type { Component } from "../matching/fingerprint.js";
import { slotValueOf } from "../matching/kindMatch.js";

export { kindMatches } from "../matching/kindMatch.js";

import {
  COMPACT_LAYOUT,
  type CompactFingerprint,
  compactBits,
  compactDigest,
  parseCompactDigest,
} from "./compactFingerprint.js";

const digestsByKind = (components: readonly Component[]): Map<string, Set<string>> => {
  const byKind = new Map<string, Set<string>>();
  for (const { kind, digest } of components) {
    const digests = byKind.get(kind) ?? new Set<string>();
    digests.add(parseCompactDigest(digest) === undefined ? digest.toLowerCase() : digest);
    byKind.set(kind, digests);
  }
  return byKind;
};

/**
 * Compare a stored device with a compact fingerprint (from an installation ID) under the same rules as
 * `compareComponents`: per kind matched, changed or missing, weighted by the policy, against the same
 * threshold. Kinds the compact form does not carry (a vendor's own) are left out of both sides of the score.
 * @example
 * compareCompact(device.components, decoded.fingerprint, "linux/2", policy.componentWeights, policy.matchThreshold);
 */
export function compareCompact(
  stored: readonly Component[],
  presented: CompactFingerprint,
  collector: string,
  weights: Readonly<Record<string, number>>,
  threshold: number,
): MatchExplanation {
  const storedByKind = digestsByKind(stored);
  const comparisons: ComponentComparison[] = [];
  let total = 0;
  let matched = 0;
  for (const [kind, digests] of storedByKind) {
    if (compactBits(kind) === undefined) continue;
    const weight = weights[kind] ?? 0;
    const value = presented[kind as keyof CompactFingerprint];
    let outcome: ComponentOutcome = "missing";
    if (value !== 0)
      outcome = [...digests].some((d) => slotValueOf(kind, d) === value) ? "matched" : "changed";
    total += weight;
    if (outcome === "matched") matched += weight;
    comparisons.push({ kind, weight, outcome });
  }
  for (const { kind } of COMPACT_LAYOUT) {
    if (presented[kind] !== 0 && !storedByKind.has(kind))
      comparisons.push({ kind, weight: weights[kind] ?? 0, outcome: "added" });
  }
  const score = total === 0 ? 0 : Math.round((matched / total) * 1000) / 1000;
  return {
    score,
    threshold,
    sameDevice: total > 0 && matched / total >= threshold,
    collector,
    components: comparisons.sort((a, b) => b.weight - a.weight || a.kind.localeCompare(b.kind)),
  };
}

/**
 * A recognised phone-activated device's components after the activation, as online activation replaces the
 * stored set with the presented one: kinds that matched keep their stored digests (full ones stay full), kinds
 * that changed or came new take the compact value, kinds gone are dropped, and kinds the compact form does
 * not carry are kept as they were.
 * @example
 * mergeCompact(device.components, iid.fingerprint); // [{ kind: "board", digest: "9f2c…" }, { kind: "disk", digest: "c1.517" }, …]
 */
export function mergeCompact(stored: readonly Component[], presented: CompactFingerprint): Component[] {
  const kept = stored.filter((c) => {
    if (compactBits(c.kind) === undefined) return true;
    const value = presented[c.kind as keyof CompactFingerprint];
    return value !== 0 && slotValueOf(c.kind, c.digest) === value;
  });
  const keptKinds = new Set(kept.map((c) => c.kind));
  const fresh = COMPACT_LAYOUT.filter((s) => presented[s.kind] !== 0 && !keptKinds.has(s.kind)).map((s) => ({
    kind: s.kind,
    digest: compactDigest(presented[s.kind]),
  }));
  return [...kept, ...fresh];
}
