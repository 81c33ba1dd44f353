import { kindMatches } from "../offline/compactMatch.js";
import type { Component, ComponentSet, Fingerprint } from "./fingerprint.js";

/** How one kind of component compared between the stored device and the fingerprint presented. */
export type ComponentOutcome = "matched" | "changed" | "missing" | "added";

export interface ComponentComparison {
  readonly kind: string;
  readonly weight: number;
  readonly outcome: ComponentOutcome;
}

/** Why a fingerprint was, or was not, taken for a stored device. Shown to people as it is. */
export interface MatchExplanation {
  /** Matched weight over the weight of everything the stored device had, rounded to 3 places (0…1). */
  readonly score: number;
  readonly threshold: number;
  readonly sameDevice: boolean;
  /** Collector of the presented set that scored best (a predecessor's set during a collector migration). */
  readonly collector: string;
  readonly components: ComponentComparison[];
}

const groupByKind = (components: readonly Component[]): Map<string, Set<string>> => {
  const byKind = new Map<string, Set<string>>();
  for (const { kind, digest } of components) {
    const digests = byKind.get(kind) ?? new Set<string>();
    digests.add(digest.toLowerCase());
    byKind.set(kind, digests);
  }
  return byKind;
};

const weightOf = (weights: Readonly<Record<string, number>>, kind: string): number => weights[kind] ?? 0;

/**
 * Compare a presented component set with a stored one. A kind matches when any digest is shared (a laptop
 * undocked still has its own NIC); a kind the device had but the set lacks counts against it, so sending
 * fewer components can never raise a score; a kind the device never had counts for nothing. A component a
 * phone-activated device only knows compactly (`c1.<value>`) matches a full digest with that slot value.
 */
export function compareComponents(
  stored: readonly Component[],
  presented: ComponentSet,
  weights: Readonly<Record<string, number>>,
  threshold: number,
): MatchExplanation {
  const storedByKind = groupByKind(stored);
  const presentedByKind = groupByKind(presented.components);
  const comparisons: ComponentComparison[] = [];
  let total = 0;
  let matched = 0;
  for (const [kind, storedDigests] of storedByKind) {
    const weight = weightOf(weights, kind);
    const current = presentedByKind.get(kind);
    let outcome: ComponentOutcome = "missing";
    if (current) outcome = kindMatches(kind, storedDigests, current) ? "matched" : "changed";
    total += weight;
    if (outcome === "matched") matched += weight;
    comparisons.push({ kind, weight, outcome });
  }
  for (const kind of presentedByKind.keys()) {
    if (!storedByKind.has(kind))
      comparisons.push({ kind, weight: weightOf(weights, kind), outcome: "added" });
  }
  const score = total === 0 ? 0 : Math.round((matched / total) * 1000) / 1000;
  return {
    score,
    threshold,
    // Compare the exact ratio: the rounded score is for people, and could round up across the threshold.
    sameDevice: total > 0 && matched / total >= threshold,
    collector: presented.collector,
    components: comparisons.sort((a, b) => b.weight - a.weight || a.kind.localeCompare(b.kind)),
  };
}

/** Best comparison over the fingerprint's current set and any predecessor sets it carries. */
export function compareFingerprint(
  stored: readonly Component[],
  fingerprint: Fingerprint,
  weights: Readonly<Record<string, number>>,
  threshold: number,
): MatchExplanation {
  let best = compareComponents(stored, fingerprint, weights, threshold);
  for (const previous of fingerprint.previous ?? []) {
    const candidate = compareComponents(stored, previous, weights, threshold);
    if (candidate.score > best.score) best = candidate;
  }
  return best;
}
