import { parentPort, workerData } from "node:worker_threads";
import { type Candidate, candidateRange } from "./candidates.js";

/** One share of a fleet judged by the held-out candidates, run in a worker thread; posts its tally. */
interface Job {
  readonly seed: number;
  readonly devices: number;
  readonly years: number;
  readonly candidates: readonly Candidate[];
  readonly from: number;
  readonly to: number;
}

const job = workerData as Job;
parentPort?.postMessage(candidateRange(job.seed, job.devices, job.years, job.candidates, job.from, job.to));
