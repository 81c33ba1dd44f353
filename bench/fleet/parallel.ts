import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { type FleetOptions, type FleetRun, ruleNames, withDefaults } from "./simulate.js";
import { mergeTally, Tally } from "./tally.js";

/**
 * Loader hooks do not reach worker threads on Node 20: the worker registers tsx itself, then loads the
 * TypeScript entry.
 */
const bootstrap = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL("./worker.ts", import.meta.url).href)}); })`;

/**
 * The fleet split into contiguous ranges, one worker thread per core. Every device draws from its own stream,
 * so the tally is the same as in one thread, whatever the number of workers.
 */
export async function simulateFleetParallel(options: FleetOptions, workers = availableParallelism()) {
  const started = performance.now();
  const full = withDefaults(options);
  const share = Math.ceil(full.devices / workers);
  const ranges = Array.from({ length: workers }, (_, w) => [
    w * share,
    Math.min(full.devices, (w + 1) * share),
  ]);
  const tallies = await Promise.all(
    ranges.map(
      ([from, to]) =>
        new Promise<Tally>((resolve, reject) => {
          const worker = new Worker(bootstrap, { eval: true, workerData: { options: full, from, to } });
          worker.once("message", (tally: unknown) => resolve(tally as Tally));
          worker.once("error", reject);
        }),
    ),
  );
  const tally = new Tally(ruleNames.length);
  for (const part of tallies) mergeTally(tally, part);
  const run: FleetRun = { options: full, ruleNames, tally, seconds: (performance.now() - started) / 1000 };
  return run;
}
