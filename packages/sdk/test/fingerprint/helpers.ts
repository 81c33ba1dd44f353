import type { ComponentSet } from "@ninsho/core";
import { collectFingerprint } from "../../src/fingerprint/collect.js";
import { componentDigest } from "../../src/fingerprint/digest.js";
import { normalizeValue } from "../../src/fingerprint/normalize.js";
import type { FingerprintSource } from "../../src/fingerprint/source.js";
import type { ComponentKind, FingerprintResult } from "../../src/fingerprint/types.js";
import { fixtureSource } from "./fixtureSource.js";

export const SALT = "prod_01JABCDEF0123456789XYZ";

/** The digest the collector must send for a raw value, computed from the spec's parts. */
export function digestOf(kind: ComponentKind, raw: string, salt = SALT): string {
  const value = normalizeValue(kind, raw);
  if (value === undefined) throw new Error(`${raw} is a placeholder`);
  return componentDigest(salt, kind, value);
}

/** Digests of one kind in a set, sorted. */
export function digestsOf(set: ComponentSet, kind: ComponentKind): string[] {
  return set.components
    .filter((component) => component.kind === kind)
    .map((component) => component.digest)
    .sort();
}

const PLATFORMS: Record<string, string> = { linux: "linux", macos: "darwin", windows: "win32" };

/** Collect from a recorded machine named `<os>/<machine>`. */
export function collectFixture(
  machine: string,
  options: {
    readonly salt?: string;
    readonly containerId?: string;
    readonly source?: FingerprintSource;
  } = {},
): Promise<FingerprintResult> {
  const platform = PLATFORMS[machine.split("/")[0] ?? ""] ?? "linux";
  return collectFingerprint({
    productSalt: options.salt ?? SALT,
    platform,
    source: options.source ?? fixtureSource(machine),
    ...(options.containerId === undefined ? {} : { containerId: options.containerId }),
  });
}

/** Kinds of a set with their number of components, e.g. { board: 2, cpu: 1 }. */
export function kindCounts(set: ComponentSet): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { kind } of set.components) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}
