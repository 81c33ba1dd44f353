import type { Component, ComponentSet } from "@ninsho/core";
import { componentDigest } from "./digest.js";
import { normalizeValue } from "./normalize.js";
import { COMPONENT_KINDS, type RawReading, type UnreadableKind } from "./types.js";

/**
 * A digested component set and the kinds it lacks.
 *
 * @example
 * const built: BuiltSet = buildComponentSet("linux/2", readings, "prod_01J...");
 */
export interface BuiltSet {
  readonly set: ComponentSet;
  readonly unreadable: readonly UnreadableKind[];
}

/**
 * Normalise, drop placeholders, digest and order the readings of one collector. Components are sorted and
 * deduplicated so two runs on one machine give byte-identical sets whatever order the OS listed things in.
 * A kind left with no component is reported with the reason its readings gave.
 *
 * @example
 * const { set, unreadable } = buildComponentSet(
 *   "linux/2",
 *   [{ kind: "board", values: ["To Be Filled By O.E.M."] }, { kind: "cpu", values: ["AMD Ryzen 7 5800X"] }],
 *   "prod_01J...",
 * );
 * // set.components: one cpu digest; unreadable: [{ kind: "board", reason: "placeholder", … }]
 */
export function buildComponentSet(
  collector: string,
  readings: readonly RawReading[],
  productSalt: string,
): BuiltSet {
  const digests = new Map<string, Component>();
  const unreadable: UnreadableKind[] = [];
  for (const kind of COMPONENT_KINDS) {
    const ofKind = readings.filter((reading) => reading.kind === kind);
    if (ofKind.length === 0) continue;
    let placeholders = 0;
    let found = 0;
    for (const reading of ofKind) {
      for (const raw of reading.values) {
        const value = normalizeValue(kind, raw);
        if (value === undefined) {
          placeholders += 1;
          continue;
        }
        found += 1;
        const digest = componentDigest(productSalt, kind, value);
        digests.set(`${kind}\0${digest}`, { kind, digest });
      }
    }
    if (found > 0) continue;
    const problem = ofKind.find((reading) => reading.problem)?.problem;
    if (placeholders > 0) {
      const where = ofKind.flatMap((reading) => (reading.from ? [reading.from] : [])).join(", ");
      const detail = `only firmware placeholder or blank values${where ? ` in ${where}` : ""}`;
      unreadable.push({ kind, reason: "placeholder", detail });
    } else {
      unreadable.push({
        kind,
        reason: problem?.reason ?? "not-found",
        detail: problem?.detail ?? "none found",
      });
    }
  }
  const components = [...digests.values()].sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.digest.localeCompare(b.digest),
  );
  return { set: { collector, components }, unreadable };
}
