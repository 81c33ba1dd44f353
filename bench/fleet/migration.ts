import { type Fingerprint, migrationSets } from "@ninsho/core";
import type { Contact, Observation, View } from "./rules.js";

const DAY_MS = 86_400_000;

/** Day `day` of the simulation as a server timestamp (any epoch serves: the rule reads only differences). */
const iso = (day: number): string => new Date(day * DAY_MS).toISOString();

/** The last decision: every helped rule asks at one check with the same observation and contact. */
let last: { collector: string; o: Observation; at: Contact; previous: View | undefined } | undefined;

/**
 * The predecessor collector's view of the machine when the server lets it speak for the device, else
 * `undefined`: decided by the server's own rule (`migrationSets` in core — a collector newer than the device's,
 * the device seen within `COLLECTOR_MIGRATION_WINDOW_DAYS`, the set read by the device's own collector), on what
 * the model tracks: the collector of the device's stored set and the day the server last heard from it. The one
 * decision of migration help for every helped rule alike, Ninsho's score histograms and the OEM model.
 * @example
 * const previous = predecessor("sim/1", observe(machine), { day: 400, lastSeen: 390 }); // within the window
 */
export function predecessor(collector: string, o: Observation, at: Contact): View | undefined {
  const previous = o.previous;
  if (previous === undefined) return undefined;
  if (last?.o === o && last.at === at && last.collector === collector) return last.previous;
  // The server takes the later of the last request and the last lease issued; in the model both are the
  // device's previous refresh. Read only when the rule gets that far (most checks present the same collector).
  const device = {
    collector,
    get lastSeenAt() {
      return iso(at.lastSeen);
    },
    get leaseIssuedAt() {
      return iso(at.lastSeen);
    },
  };
  const fingerprint: Fingerprint = {
    collector: o.current.collector,
    components: o.current.set.components,
    previous: [previous.set],
  };
  const trusted = migrationSets(device, fingerprint, new Date(at.day * DAY_MS)) ?? [];
  const kept = trusted.includes(previous.set) ? previous : undefined;
  last = { collector, o, at, previous: kept };
  return kept;
}
