import type { Fingerprint } from "./fingerprint.js";

/** Digests one component set may carry for one kind: a machine's NICs are the most a collector reads. */
export const MAX_DIGESTS_PER_KIND = 8;
/** Digests a fingerprint may carry in all, its current set and every previous set together. */
export const MAX_DIGESTS_IN_ALL = 64;
/** Predecessor sets a fingerprint may carry during a collector migration. */
export const MAX_PREVIOUS_SETS = 4;

/**
 * Why a fingerprint carries more than a real machine does, in plain words, or `undefined` when it is within
 * bounds. A client controls what it reports: bounding it keeps a score from being bought with digests.
 * @example
 * fingerprintOutOfBounds({ collector: "linux/2", components: nineBoards }); // "9 board digests in linux/2 (at most 8)"
 */
export function fingerprintOutOfBounds(fingerprint: Fingerprint): string | undefined {
  const previous = fingerprint.previous ?? [];
  if (previous.length > MAX_PREVIOUS_SETS)
    return `${previous.length} previous sets (at most ${MAX_PREVIOUS_SETS})`;
  let all = 0;
  for (const set of [fingerprint, ...previous]) {
    const perKind = new Map<string, number>();
    for (const { kind } of set.components) perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
    for (const [kind, count] of perKind) {
      if (count > MAX_DIGESTS_PER_KIND)
        return `${count} ${kind} digests in ${set.collector} (at most ${MAX_DIGESTS_PER_KIND})`;
    }
    all += set.components.length;
  }
  if (all > MAX_DIGESTS_IN_ALL) return `${all} digests in all (at most ${MAX_DIGESTS_IN_ALL})`;
  return undefined;
}
