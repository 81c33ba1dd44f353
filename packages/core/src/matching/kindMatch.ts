import { compactBits, compactValue, parseCompactDigest } from "../offline/compactFingerprint.js";
import { isKeyedDigest, keyedSlot } from "./keyedDigest.js";

/**
 * A digest's slot value: its own if stored compactly, the one a keyed digest carries, else the hash of the
 * full digest as a client sent it.
 */
export const slotValueOf = (kind: string, digest: string): number | undefined => {
  const stored = parseCompactDigest(digest);
  if (stored !== undefined) return stored;
  if (isKeyedDigest(digest)) return keyedSlot(digest);
  return compactBits(kind) === undefined ? undefined : compactValue(kind, digest);
};

/**
 * Whether the digests presented for one kind are the stored component: some are shared (the same digest, or —
 * when either side only knows a component compactly, a device activated by phone — the same slot value), the
 * ones the device never had do not outnumber them, and do not even equal them in a set larger than the stored
 * one. That is what stops a client from sending the union of several machines' digests: each machine's share
 * is then at most half of a set larger than its own. A swapped NIC (one kept, one new) still matches; a machine
 * that only gained one (a dock's) loses that kind's weight until the baseline follows, never the device.
 * @example
 * kindMatches("board", new Set(["9f2c…"]), new Set(["9f2c…", "77ab…"])); // false: one shared, one foreign
 */
export function kindMatches(
  kind: string,
  stored: ReadonlySet<string>,
  presented: ReadonlySet<string>,
): boolean {
  return enoughShared(sharedDigests(kind, stored, presented), stored.size, presented.size);
}

/**
 * The rule of `kindMatches` once the shared digests are counted (for a caller that needs the count as well):
 * some shared, and the foreign ones fewer, or as many in a set no larger than the stored one.
 * @example
 * enoughShared(1, 1, 2); // false: one shared, one foreign, more than were stored
 */
export function enoughShared(shared: number, storedSize: number, presentedSize: number): boolean {
  const foreign = presentedSize - shared;
  return shared > 0 && (foreign < shared || (foreign === shared && presentedSize <= storedSize));
}

/**
 * How many of the digests presented for one kind the stored component has (the same digest, or the same slot
 * value when either side only knows a component compactly).
 * @example
 * sharedDigests("disk", new Set(["a1", "b2"]), new Set(["a1", "b2", "c3"])); // 2
 */
export function sharedDigests(
  kind: string,
  stored: ReadonlySet<string>,
  presented: ReadonlySet<string>,
): number {
  const compact = [...stored, ...presented].some((d) => parseCompactDigest(d) !== undefined);
  const storedValues = compact ? new Set([...stored].map((d) => slotValueOf(kind, d))) : undefined;
  let shared = 0;
  for (const digest of presented) {
    if (stored.has(digest)) shared += 1;
    else if (storedValues) {
      const value = slotValueOf(kind, digest);
      if (value !== undefined && storedValues.has(value)) shared += 1;
    }
  }
  return shared;
}
