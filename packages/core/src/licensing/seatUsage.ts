/** The span a seat counted: from its check-out to its return or expiry (ISO instants). */
export interface SeatSpan {
  readonly from: string;
  readonly to: string;
}

/** The most seats (instances, for workloads) held at one instant of one UTC day. */
export interface DailyPeak {
  /** `YYYY-MM-DD`, UTC. */
  readonly day: string;
  readonly peak: number;
}

const DAY_MS = 86_400_000;

/**
 * Peak concurrent seats per UTC day over `[fromDay, toDay]` (days as `YYYY-MM-DD`), by a sweep over every
 * span's start (+1) and end (−1); an end and a start at the same instant do not overlap (a seat handed on).
 * A span running through a whole day counts on that day. Pure: the caller reads the spans from the store.
 * @example
 * peakConcurrentByDay([{ from: "2026-12-01T10:00:00Z", to: "2026-12-01T11:00:00Z" }], "2026-12-01", "2026-12-01");
 * // [{ day: "2026-12-01", peak: 1 }]
 */
export function peakConcurrentByDay(spans: readonly SeatSpan[], fromDay: string, toDay: string): DailyPeak[] {
  const start = Date.parse(`${fromDay}T00:00:00.000Z`);
  const end = Date.parse(`${toDay}T00:00:00.000Z`) + DAY_MS;
  const moves: [number, number][] = [];
  for (const span of spans) {
    const from = Date.parse(span.from);
    const to = Date.parse(span.to);
    if (!(to > from)) continue;
    moves.push([from, 1], [to, -1]);
  }
  // Ends before starts at one instant: a seat returned and taken again in the same millisecond is one seat.
  moves.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const peaks: DailyPeak[] = [];
  let current = 0;
  let i = 0;
  for (let day = start; day < end; day += DAY_MS) {
    while (i < moves.length && (moves[i]?.[0] ?? Number.POSITIVE_INFINITY) <= day)
      current += moves[i++]?.[1] ?? 0;
    let peak = current;
    while (i < moves.length && (moves[i]?.[0] ?? Number.POSITIVE_INFINITY) < day + DAY_MS) {
      current += moves[i++]?.[1] ?? 0;
      peak = Math.max(peak, current);
    }
    peaks.push({ day: new Date(day).toISOString().slice(0, 10), peak });
  }
  return peaks;
}
