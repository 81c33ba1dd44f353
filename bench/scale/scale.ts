import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { countLicenses, sqliteSize } from "../http/dbsize.js";
import { describeRun, drive, type Run } from "../http/drive.js";
import { BenchAdmin } from "../http/fixtures.js";
import { type BenchServer, startBenchServer } from "../http/process.js";
import { Traffic } from "../http/traffic.js";
import { copySeed, type Seed } from "../seed/cache.js";
import type { BenchConfig } from "../suite/config.js";

/** Validation by lease on the growing database, at one license count. */
export interface ScalePoint {
  readonly licenses: number;
  readonly validate: Run;
  /** The app's floor route on the same server just before, so each step has its own yardstick. */
  readonly floor: Run;
  /** The SQLite file (+ WAL after a checkpoint), bytes. */
  readonly bytes: number;
}

export interface ScaleFigures {
  readonly points: readonly ScalePoint[];
  /** The keys issued between the two points, in one batch through the API. */
  readonly keygen: {
    readonly keys: number;
    readonly seconds: number;
    /** The server's resident memory as the batch began (VmRSS) and its peak over the batch (VmHWM), MB. */
    readonly startMb: number;
    readonly peakMb: number;
  };
}

/** Resident memory of a process now (VmRSS), MB. */
const residentMb = (pid: number | undefined): number => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
};

/**
 * One SQLite database that grows: a copy of the seed (every license with a device) is measured, then
 * `keygenKeys` more keys are issued through the streamed CSV endpoint in one batch (the key generation figure:
 * time and the server's peak memory), then it is measured again. Validation is by lease over every seeded
 * device at random both times. The server is started afresh before the batch and after it, so the batch's
 * peak memory is its own and the second point starts from a cold heap as the first did.
 */
export async function benchScale(config: BenchConfig, work: string, seed: Seed): Promise<ScaleFigures> {
  const dataDir = join(work, "scale");
  const file = join(dataDir, "ninsho.db");
  copySeed(seed, dataDir, true);
  const env = { BENCH_DATABASE_URL: "", BENCH_WORKERS: "1" };
  const size = sqliteSize(file);
  const traffic = new Traffic(seed.holdersFile, seed.volumeFile);
  let server: BenchServer | undefined;
  const restart = async () => {
    await server?.stop();
    server = await startBenchServer(dataDir, env, seed.adminToken);
    return server;
  };
  const measure = async (s: BenchServer): Promise<ScalePoint> => {
    const bytes = await size();
    const licenses = countLicenses(file);
    const load = {
      url: s.url,
      connections: config.connections,
      seconds: config.seconds,
      warmup: config.warmup,
    };
    const floorBody = traffic.floorBody();
    const floor = await drive({ ...load, path: "/_bench/floor", body: () => floorBody });
    const validate = await drive({ ...load, path: "/v1/validate", body: traffic.byLease });
    console.log(`scale: validate at ${licenses.toLocaleString("en")} licenses: ${describeRun(validate)}`);
    console.log(`scale: app floor at ${licenses.toLocaleString("en")} licenses: ${describeRun(floor)}`);
    return { licenses, validate, floor, bytes };
  };
  try {
    const first = await measure(await restart());
    const s = await restart();
    const admin = new BenchAdmin(s.url, seed.adminToken);
    const policy = await admin.policy("bench scale", 3);
    // VmHWM is reset before the batch (writing 5 to clear_refs), so the peak is the batch's own.
    writeFileSync(`/proc/${s.child.pid}/clear_refs`, "5");
    const startMb = residentMb(s.child.pid);
    const batch = await admin.keys(policy, config.keygenKeys, false);
    const peakMb = s.peakMemoryMb();
    const seconds = Math.round(batch.seconds * 100) / 100;
    console.log(
      `scale: ${config.keygenKeys.toLocaleString("en")} keys in ${seconds} s, server memory ${startMb} MB → peak ${peakMb} MB`,
    );
    const second = await measure(await restart());
    return { points: [first, second], keygen: { keys: config.keygenKeys, seconds, startMb, peakMb } };
  } finally {
    await server?.stop();
  }
}
