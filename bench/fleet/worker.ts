import { parentPort, workerData } from "node:worker_threads";
import type { FleetOptions } from "./simulate.js";
import { simulateRange } from "./simulate.js";

/** One share of the fleet, run in a worker thread; the tally goes back by structured clone. */
interface Job {
  readonly options: Required<FleetOptions>;
  readonly from: number;
  readonly to: number;
}

const job = workerData as Job;
parentPort?.postMessage(simulateRange(job.options, job.from, job.to));
