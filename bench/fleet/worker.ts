import { parentPort, workerData } from "node:worker_threads";
import type { FleetOptions } from "./simulate.js";
import { simulateRange } from "./simulate.js";

/** One share of the fleet, run in a worker thread: progress as it goes, the tally at the end (structured clone). */
interface Job {
  readonly options: Required<FleetOptions>;
  readonly from: number;
  readonly to: number;
}

const job = workerData as Job;
const tally = simulateRange(job.options, job.from, job.to, (done) => parentPort?.postMessage({ done }));
parentPort?.postMessage({ tally });
