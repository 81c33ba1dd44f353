import type { Run } from "../http/drive.js";
import type { BackendBench } from "../http/suite.js";
import type { BenchConfig } from "./config.js";
import type { BackendFigures } from "./figures.js";

const ROUTES = ["floor", "validate", "activate", "deactivate"] as const;
type Route = (typeof ROUTES)[number];

/** The run with the median requests/s (its latencies with it). */
export function medianRun(runs: readonly Run[]): Run {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new Error("no runs");
  return middle;
}

/**
 * Every route on every server, round after round, each route loaded on the servers in turn: on a shared
 * machine whose load drifts, interleaved runs and their medians compare the set-ups (and each route with its
 * floor) fairly. The first round warms each route up first.
 */
export async function interleavedRounds(
  benches: readonly BackendBench[],
  config: BenchConfig,
): Promise<Map<BackendBench, Omit<BackendFigures, "licenses">>> {
  const runs = new Map(benches.map((b) => [b, new Map<Route, Run[]>(ROUTES.map((r) => [r, []]))]));
  const keep = (b: BackendBench, route: Route, run: Run) => runs.get(b)?.get(route)?.push(run);
  for (let round = 0; round < config.rounds; round++) {
    console.log(`bench: HTTP round ${round + 1} of ${config.rounds}`);
    const s = {
      connections: config.connections,
      seconds: config.seconds,
      warmup: round === 0 ? config.warmup : 0,
    };
    for (const b of benches) keep(b, "floor", await b.floor(s));
    for (const b of benches) keep(b, "validate", await b.validate(s));
    for (const b of benches) {
      const { activate, deactivate } = await b.activateThenDeactivate(s);
      keep(b, "activate", activate);
      keep(b, "deactivate", deactivate);
    }
  }
  const median = (b: BackendBench, route: Route) => medianRun(runs.get(b)?.get(route) ?? []);
  return new Map(
    benches.map((b) => [
      b,
      {
        floor: median(b, "floor"),
        validate: median(b, "validate"),
        activate: median(b, "activate"),
        deactivate: median(b, "deactivate"),
        ...(b.devices.rows > 0 ? { devices: { ...b.devices } } : {}),
      },
    ]),
  );
}
