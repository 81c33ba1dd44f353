import type { Component, Fingerprint } from "../matching/fingerprint.js";
import { betterMatch, compareComponents, type MatchExplanation } from "../matching/match.js";
import type { Device } from "./license.js";
import type { Policy } from "./policy.js";

/**
 * Days a device may go unseen and still migrate collectors with `previous`: a dormant device cannot be taken
 * over by a client that claims a migration from the device's set.
 */
export const COLLECTOR_MIGRATION_WINDOW_DAYS = 90;

const DAY_MS = 86_400_000;

/** `linux/2` → `{ family: "linux", version: 2 }`; `undefined` for a name without a numeric version. */
export function parseCollector(name: string): { family: string; version: number } | undefined {
  const match = /^(.+)\/(\d{1,9})$/.exec(name);
  if (!match?.[1] || match[2] === undefined) return undefined;
  return { family: match[1], version: Number(match[2]) };
}

/**
 * Whether `next` is a later version of the same collector family as `stored` (`linux/2` after `linux/1`).
 * @example
 * isNewerCollector("linux/2", "linux/1"); // true
 */
export function isNewerCollector(next: string, stored: string): boolean {
  const a = parseCollector(next);
  const b = parseCollector(stored);
  return a !== undefined && b !== undefined && a.family === b.family && a.version > b.version;
}

/**
 * Whether a fingerprint's `previous` sets may speak for it against `device`: only in a real collector
 * migration — the presented collector is newer than the device's (which never goes back, so each migration
 * happens once), the device was seen within the migration window, and only a previous set read by the
 * device's own collector counts. Anything else is a client rewriting what it is compared on. It reads only the
 * device's collector and when it was last seen, so the fleet simulator's model decides with this very rule.
 */
export function migrationSets(
  device: Pick<Device, "collector" | "lastSeenAt" | "leaseIssuedAt">,
  fingerprint: Fingerprint,
  now: Date,
): Fingerprint["previous"] {
  if (!isNewerCollector(fingerprint.collector, device.collector)) return [];
  const seen = Math.max(Date.parse(device.lastSeenAt), Date.parse(device.leaseIssuedAt));
  if (now.getTime() - seen > COLLECTOR_MIGRATION_WINDOW_DAYS * DAY_MS) return [];
  return (fingerprint.previous ?? []).filter((set) => set.collector === device.collector);
}

/**
 * Compare a fingerprint with one stored device: its current set, and the previous set of a real migration
 * (see `migrationSets`), the better of the two.
 * @example
 * compareWithDevice(device, fingerprint, policy, now).sameDevice;
 */
export function compareWithDevice(
  device: Device,
  fingerprint: Fingerprint,
  policy: Policy,
  now: Date,
): MatchExplanation {
  const { componentWeights: weights, matchThreshold: threshold } = policy;
  let best = compareComponents(device.components, fingerprint, weights, threshold);
  for (const previous of migrationSets(device, fingerprint, now) ?? []) {
    const candidate = compareComponents(device.components, previous, weights, threshold);
    if (betterMatch(candidate, best)) best = candidate;
  }
  return best;
}

/**
 * The device's components and collector after it was recognised with `explanation` (rolling baseline). Taken
 * by its current set, the stored set becomes what it sent, so piecemeal upgrades never add up. Taken through a
 * migration's previous set, the stored set (which it was recognised by) stays beside the new collector's set:
 * one step never removes it (a client claiming a migration from another machine's set cannot push it out).
 * A collector never goes back to an older version.
 */
export function nextBaseline(
  device: Device,
  fingerprint: Fingerprint,
  explanation: MatchExplanation,
): { collector: string; components: Component[] } {
  const collector = isNewerCollector(device.collector, fingerprint.collector)
    ? device.collector
    : fingerprint.collector;
  if (explanation.collector === fingerprint.collector)
    return { collector, components: fingerprint.components };
  const seen = new Set(fingerprint.components.map((c) => `${c.kind}\0${c.digest.toLowerCase()}`));
  const kept = device.components.filter((c) => !seen.has(`${c.kind}\0${c.digest.toLowerCase()}`));
  return { collector, components: [...fingerprint.components, ...kept] };
}
