import type { Run } from "../http/drive.js";
import type { BackendBench, FloorBench } from "../http/suite.js";
import type { BenchConfig } from "./config.js";
import type { BackendFigures } from "./figures.js";

type Route =
  | "floor"
  | "lease"
  | "key"
  | "mixed"
  | "activate"
  | "deactivate"
  | "seatCheckOut"
  | "seatHeartbeat";

/** The run with the median requests/s (its latencies with it). */
export function medianRun(runs: readonly Run[]): Run {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new Error("no runs");
  return middle;
}

/** A backend and whether it gets the by-key and mixed runs too. */
export interface RoundBackend {
  readonly bench: BackendBench;
  readonly full: boolean;
}

/**
 * Every route on every server, round after round, each route loaded on the servers in turn: on a shared
 * machine whose load drifts, interleaved runs and their medians compare the set-ups (and each route with the
 * floors) fairly. The first round warms each route up first.
 */
export async function interleavedRounds(
  floors: readonly FloorBench[],
  backends: readonly RoundBackend[],
  config: BenchConfig,
): Promise<{ floors: Map<FloorBench, Run>; backends: Map<BackendBench, Omit<BackendFigures, "licenses">> }> {
  const floorRuns = new Map<FloorBench, Run[]>(floors.map((f) => [f, []]));
  const runs = new Map(backends.map(({ bench }) => [bench, new Map<Route, Run[]>()]));
  const keep = (b: BackendBench, route: Route, run: Run) => {
    const byRoute = runs.get(b);
    byRoute?.set(route, [...(byRoute.get(route) ?? []), run]);
  };
  for (let round = 0; round < config.rounds; round++) {
    console.log(`bench: HTTP round ${round + 1} of ${config.rounds}`);
    const s = {
      connections: config.connections,
      seconds: config.seconds,
      warmup: round === 0 ? config.warmup : 0,
    };
    for (const f of floors) floorRuns.get(f)?.push(await f.floor(s));
    for (const { bench } of backends) keep(bench, "floor", await bench.floor(s));
    for (const { bench } of backends) keep(bench, "lease", await bench.validateByLease(s));
    for (const { bench, full } of backends) if (full) keep(bench, "key", await bench.validateByKey(s));
    for (const { bench, full } of backends) if (full) keep(bench, "mixed", await bench.mixed(s));
    for (const { bench } of backends) {
      const { activate, deactivate } = await bench.activateThenDeactivate(s);
      keep(bench, "activate", activate);
      keep(bench, "deactivate", deactivate);
    }
    for (const { bench } of backends) keep(bench, "seatCheckOut", await bench.seats.checkOut(s));
    for (const { bench } of backends) keep(bench, "seatHeartbeat", await bench.seats.heartbeat(s));
  }
  const median = (b: BackendBench, route: Route) => medianRun(runs.get(b)?.get(route) ?? []);
  const optional = (b: BackendBench, route: Route) =>
    runs.get(b)?.has(route) ? median(b, route) : undefined;
  return {
    floors: new Map(floors.map((f) => [f, medianRun(floorRuns.get(f) ?? [])])),
    backends: new Map(
      backends.map(({ bench: b }) => {
        const key = optional(b, "key");
        const mixed = optional(b, "mixed");
        return [
          b,
          {
            floor: median(b, "floor"),
            lease: median(b, "lease"),
            ...(key ? { key, keyStatus: b.keyStatus } : {}),
            ...(mixed ? { mixed } : {}),
            activate: median(b, "activate"),
            deactivate: median(b, "deactivate"),
            seatCheckOut: median(b, "seatCheckOut"),
            seatHeartbeat: median(b, "seatHeartbeat"),
            ...(b.devices.rows > 0 ? { devices: { ...b.devices } } : {}),
          },
        ];
      }),
    ),
  };
}
