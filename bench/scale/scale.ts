import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sqliteSize } from "../http/dbsize.js";
import { describeRun, drive, type Run } from "../http/drive.js";
import { BenchAdmin } from "../http/fixtures.js";
import { probeBodies } from "../http/probes.js";
import { startBenchServer } from "../http/process.js";
import type { BenchConfig } from "../suite/config.js";

/** Validation on the growing database, at one license count. */
export interface ScalePoint {
  readonly licenses: number;
  readonly validate: Run;
  /** The floor route on the same server just before, so each step has its own yardstick. */
  readonly floor: Run;
  /** The SQLite file (+ WAL after a checkpoint), bytes. */
  readonly bytes: number;
}

export interface Batch {
  readonly keys: number;
  readonly seconds: number;
  readonly startMb: number;
  readonly peakMb: number;
}

/** Resident memory of a process now (VmRSS), MB. */
const residentMb = (pid: number | undefined): number => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
};

export interface ScaleFigures {
  readonly points: readonly ScalePoint[];
  /** Every key of the largest count, issued in one batch per step. */
  readonly keygen: {
    readonly keys: number;
    readonly seconds: number;
    /** Each batch: its keys, time, the server's resident memory as it began and its peak, MB. */
    readonly batches: readonly Batch[];
    /** The largest VmHWM of the server process over the batches (reset before each), MB. */
    readonly peakMb: number;
  };
}

/**
 * One SQLite database that grows: the probe licenses (each with a device) first, then keys issued through the
 * streamed CSV endpoint up to each step's count, floor and validate measured after each step. The server is
 * started afresh on the same database before each batch, so a batch's peak memory is the key generation's own
 * and not what the load before it left in the heap.
 */
export async function benchScale(config: BenchConfig, work: string): Promise<ScaleFigures> {
  const dataDir = join(work, "scale");
  const env = { BENCH_DATABASE_URL: "", BENCH_WORKERS: "1" };
  const size = sqliteSize(join(dataDir, "ninsho.db"));
  let server = await startBenchServer(dataDir, env);
  const token = server.adminToken;
  try {
    const first = new BenchAdmin(server.url, token);
    const probePolicy = await first.policy("bench scale probes", 3);
    const growPolicy = await first.policy("bench scale", 3);
    const batches: Batch[] = [];
    let peakMb = 0;
    let issued = 0;
    let nextValidate: (() => string) | undefined;
    const points: ScalePoint[] = [];
    for (const step of config.scaleSteps) {
      if (issued > 0) {
        await server.stop();
        server = await startBenchServer(dataDir, env, token);
      }
      const admin = new BenchAdmin(server.url, token);
      const count = step - issued;
      // VmHWM is reset before each batch (writing 5 to clear_refs), so the peak is the batch's own.
      writeFileSync(`/proc/${server.child.pid}/clear_refs`, "5");
      const startMb = residentMb(server.child.pid);
      const batch = nextValidate
        ? await admin.keys(growPolicy, count, false)
        : await admin.keys(probePolicy, count, true);
      const batchPeakMb = server.peakMemoryMb();
      peakMb = Math.max(peakMb, batchPeakMb);
      batches.push({
        keys: count,
        seconds: Math.round(batch.seconds * 100) / 100,
        startMb,
        peakMb: batchPeakMb,
      });
      console.log(
        `scale: ${count.toLocaleString("en")} keys in ${batch.seconds.toFixed(1)} s, server memory ${startMb} MB → peak ${batchPeakMb} MB`,
      );
      nextValidate ??= await probeBodies(admin, batch.keys);
      issued = step;
      const bytes = await size();
      const load = { url: server.url, connections: config.connections, seconds: config.seconds };
      const floorBody = nextValidate();
      const floor = await drive({
        ...load,
        path: "/_bench/floor",
        body: () => floorBody,
        warmup: config.warmup,
      });
      const validate = await drive({
        ...load,
        path: "/v1/validate",
        body: nextValidate,
        warmup: config.warmup,
      });
      console.log(`scale: validate at ${step.toLocaleString("en")} licenses: ${describeRun(validate)}`);
      console.log(`scale: floor at ${step.toLocaleString("en")} licenses: ${describeRun(floor)}`);
      points.push({ licenses: step, validate, floor, bytes });
    }
    const seconds = batches.reduce((sum, b) => sum + b.seconds, 0);
    return { points, keygen: { keys: issued, seconds: Math.round(seconds * 100) / 100, batches, peakMb } };
  } finally {
    if (server.child.exitCode === null && server.child.signalCode === null) await server.stop();
  }
}
