import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { type FleetOptions, type FleetRun, namesOf, withDefaults } from "./simulate.js";
import { mergeTally, Tally } from "./tally.js";

/**
 * A TypeScript module run in a worker thread. Loader hooks do not reach worker threads on Node 20: the worker
 * registers tsx itself, then loads the entry.
 */
export const tsWorker = (entry: URL, workerData: unknown): Worker =>
  new Worker(
    `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`,
    { eval: true, workerData },
  );

/** Devices 0 to `devices` in `workers` contiguous ranges, [from, to) each. */
export const deviceRanges = (devices: number, workers: number): (readonly [number, number])[] => {
  const share = Math.ceil(devices / workers);
  return Array.from({ length: workers }, (_, w) => [w * share, Math.min(devices, (w + 1) * share)] as const);
};

/** A message from a worker: devices done since its last message, or its share's tally at the end. */
type WorkerMessage = { readonly done: number } | { readonly tally: Tally };

/**
 * The fleet split into contiguous ranges, one worker thread per core. Every device draws from its own stream,
 * so the tally is the same as in one thread, whatever the number of workers. `progress` hears of every 1,000
 * devices done.
 */
export async function simulateFleetParallel(
  options: FleetOptions,
  workers = availableParallelism(),
  progress?: (done: number) => void,
): Promise<FleetRun> {
  const started = performance.now();
  const full = withDefaults(options);
  const tallies = await Promise.all(
    deviceRanges(full.devices, workers).map(
      ([from, to]) =>
        new Promise<Tally>((resolve, reject) => {
          const worker = tsWorker(new URL("./worker.ts", import.meta.url), { options: full, from, to });
          worker.on("message", (message: WorkerMessage) => {
            if ("done" in message) progress?.(message.done);
            else resolve(message.tally);
          });
          worker.once("error", reject);
        }),
    ),
  );
  const names = namesOf(full);
  const tally = new Tally(names.length);
  for (const part of tallies) mergeTally(tally, part);
  return { options: full, ruleNames: names, tally, seconds: (performance.now() - started) / 1000 };
}
