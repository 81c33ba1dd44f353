import type { ComponentComparison, ComponentOutcome, MatchExplanation } from "./explanation.js";
import type { Component, ComponentSet, Fingerprint } from "./fingerprint.js";
import { enoughShared, sharedDigests } from "./kindMatch.js";

export type { ComponentComparison, ComponentOutcome, MatchExplanation } from "./explanation.js";

const groupByKind = (components: readonly Component[]): Map<string, Set<string>> => {
  const byKind = new Map<string, Set<string>>();
  for (const { kind, digest } of components) {
    const digests = byKind.get(kind) ?? new Set<string>();
    digests.add(digest.toLowerCase());
    byKind.set(kind, digests);
  }
  return byKind;
};

/**
 * The unit-level kinds: each names one physical part (a board, a disk, a network adapter) or one OS install,
 * never a model that every machine of one order shares.
 */
export const UNIT_KINDS: ReadonlySet<string> = new Set(["board", "disk", "mac", "os-install"]);

/** Unit-level identifiers that recognise a machine whatever its score (see `compareComponents`). */
export const UNIT_PAIR = 2;

/**
 * Whether `candidate` explains a fingerprint better than `best`: recognised before refused, then the higher
 * score (a set recognised by a pair of unit ids beats a higher-scoring set that is not recognised).
 * @example
 * if (betterMatch(candidate, best)) best = candidate;
 */
export const betterMatch = (candidate: MatchExplanation, best: MatchExplanation): boolean =>
  candidate.sameDevice !== best.sameDevice ? candidate.sameDevice : candidate.score > best.score;

const weightOf = (weights: Readonly<Record<string, number>>, kind: string): number => weights[kind] ?? 0;

/**
 * Compare a presented component set with a stored one. A kind matches when digests are shared and outnumber
 * the foreign ones (a laptop undocked still has its own NIC; a union of two machines' digests matches neither,
 * see `kindMatches`); a kind the device had but the set lacks counts against it, so sending
 * fewer components can never raise a score; a kind the device never had counts for nothing. A component a
 * phone-activated device only knows compactly (`c1.<value>`) matches a full digest with that slot value.
 *
 * The machine is the same device when the score reaches the threshold, or when at least two unit-level
 * identifiers (`UNIT_PAIR`) are shared in kinds that match: a VM moved to another cluster keeps its install id
 * and one of its vNICs, a desktop whose board was replaced keeps both its disks, and no other machine has two
 * of one machine's serials (a disk image carries the install id alone). The fleet simulator's held-out choice
 * picked it (bench/FLEET.md). The phone-activation matcher (`compareCompact`) has no such rule: two colliding
 * slots of a few bits are not two serials.
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
  let unitIds = 0;
  for (const [kind, storedDigests] of storedByKind) {
    const weight = weightOf(weights, kind);
    const current = presentedByKind.get(kind);
    let outcome: ComponentOutcome = "missing";
    // Counted once: the count decides the kind and, for a unit-level kind, is its identifiers for the pair rule.
    const shared = current ? sharedDigests(kind, storedDigests, current) : 0;
    if (current) outcome = enoughShared(shared, storedDigests.size, current.size) ? "matched" : "changed";
    total += weight;
    if (outcome === "matched") matched += weight;
    // A kind the policy weighs at nothing identifies nothing, in pairs either.
    if (outcome === "matched" && weight > 0 && UNIT_KINDS.has(kind)) unitIds += shared;
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
    sameDevice: (total > 0 && matched / total >= threshold) || unitIds >= UNIT_PAIR,
    unitIds,
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
    if (betterMatch(candidate, best)) best = candidate;
  }
  return best;
}
