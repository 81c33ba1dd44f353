import type { Stats } from "@ninsho/contract";
import { type EventType, isRecord, type LicenseEvent } from "@ninsho/core";

/** The event types the console's charts count. */
export const STATS_EVENT_TYPES: readonly EventType[] = [
  "device.activated",
  "device.recognized",
  "activation.refused",
  "device.transferred",
];

const DAY_MS = 86_400_000;
const BINS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** Reach into an event's data along `path` for a number (the data is JSON the server wrote, of many shapes). */
function numberAt(value: unknown, path: readonly string[]): number | undefined {
  let at = value;
  for (const key of path) {
    if (!isRecord(at)) return undefined;
    at = at[key];
  }
  return typeof at === "number" && Number.isFinite(at) ? at : undefined;
}

const binOf = (score: number) => Math.min(BINS.length - 1, Math.max(0, Math.floor(score * 10)));

/**
 * The counts behind the console's charts, from the events of the period: per day (every day, zeros included),
 * refusals by code, and the spread of match scores — a recognised device's own score, and for a refusal the
 * score of the closest known device (how near it came to being recognised).
 * @example
 * summarizeEvents(events, new Date(), 30, false).perDay.length; // 30
 */
export function summarizeEvents(
  events: readonly LicenseEvent[],
  now: Date,
  days: number,
  truncated: boolean,
): Omit<Stats, "devicesPerLicense"> {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (days - 1) * DAY_MS;
  const perDay = Array.from({ length: days }, (_, i) => ({
    day: new Date(start + i * DAY_MS).toISOString().slice(0, 10),
    activations: 0,
    recognized: 0,
    refusals: 0,
    transfers: 0,
    // Filled from the per-day counter by the route: validations are not events (see `LastSeenRecorder`).
    validations: 0,
  }));
  const byCode = new Map<string, number>();
  const accepted = BINS.map(() => 0);
  const refused = BINS.map(() => 0);
  for (const event of events) {
    const slot = perDay[Math.floor((Date.parse(event.createdAt) - start) / DAY_MS)];
    if (slot === undefined) continue;
    if (event.type === "device.activated") slot.activations += 1;
    else if (event.type === "device.transferred") slot.transfers += 1;
    else if (event.type === "device.recognized") {
      slot.recognized += 1;
      const score = numberAt(event.data, ["decision", "score"]);
      if (score !== undefined) accepted[binOf(score)] = (accepted[binOf(score)] ?? 0) + 1;
    } else if (event.type === "activation.refused") {
      slot.refusals += 1;
      const code = event.reason ?? "UNKNOWN";
      byCode.set(code, (byCode.get(code) ?? 0) + 1);
      const score = numberAt(event.data, ["details", "closest", "explanation", "score"]);
      if (score !== undefined) refused[binOf(score)] = (refused[binOf(score)] ?? 0) + 1;
    }
  }
  return {
    since: new Date(start).toISOString(),
    perDay,
    refusalsByCode: [...byCode].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count),
    scores: { bins: BINS, accepted, refused },
    truncated,
  };
}
