/**
 * CPU per request of one route over real HTTP, as the bench loads it: a server process on a copy of a seeded
 * SQLite data set (kept between runs in BENCH_WORK, default bench/.work), profiled with `node --cpu-prof`, loaded
 * by autocannon at 64 connections from this process, then the profile summarised per answered request. On a
 * shared machine requests per second move with the load; CPU µs per request hold much better.
 *
 *   npm run build && npx tsx bench/profile/http.ts lease    # or key, mixed, activate
 *
 * PROFILE_LICENSES (default 20,000), PROFILE_SECONDS (10), PROFILE_OUT (a folder to keep the profile in).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeRun, drive } from "../http/drive.js";
import { startBenchServer } from "../http/process.js";
import { Traffic } from "../http/traffic.js";
import { copySeed, sqliteSeed } from "../seed/cache.js";
import { benchConfig } from "../suite/config.js";
import { summarise } from "./summary.js";

const kind = process.argv[2] ?? "lease";
const licenses = Number(process.env.PROFILE_LICENSES ?? 20_000);
const seconds = Number(process.env.PROFILE_SECONDS ?? 10);
const config = benchConfig();
const work = mkdtempSync(join(tmpdir(), "ninsho-profile-"));
const profileDir = process.env.PROFILE_OUT ?? join(work, "profile");
process.env.BENCH_PROFILE_DIR = profileDir;

try {
  const seed = await sqliteSeed(config.workRoot, { licenses, volumeKeys: 2000 }, console.log);
  const traffic = new Traffic(seed.holdersFile, seed.volumeFile);
  const dataDir = join(work, "data");
  copySeed(seed, dataDir, true);
  const server = await startBenchServer(
    dataDir,
    { BENCH_DATABASE_URL: "", BENCH_WORKERS: "1" },
    seed.adminToken,
  );
  const load = (seconds: number) => {
    const options = { url: server.url, connections: 64, seconds };
    if (kind === "mixed") {
      const first = traffic.mixed();
      return drive({ ...options, path: first.path, body: () => first.body, shot: traffic.mixed });
    }
    if (kind === "activate") return drive({ ...options, path: "/v1/activations", body: traffic.activation });
    return drive({
      ...options,
      path: "/v1/validate",
      body: kind === "key" ? traffic.byKey : traffic.byLease,
    });
  };
  const now = () => Number(process.hrtime.bigint() / 1000n);
  // The server's CPU time (user + system, all its threads) in µs, from /proc: what a request costs whatever
  // share of the cores the machine's other jobs leave it (a profile's samples also count time descheduled).
  const cpu = () => {
    const fields = readFileSync(`/proc/${server.child.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100; // utime, stime in ticks of 1/100 s
  };
  let run: Awaited<ReturnType<typeof drive>>;
  let window: { from: number; to: number };
  let cpuUs: number;
  try {
    await load(2); // warm-up: JIT, caches; left out of the profile's window
    const from = now();
    const cpuFrom = cpu();
    run = await load(seconds);
    cpuUs = cpu() - cpuFrom;
    window = { from, to: now() };
  } finally {
    await server.stop();
  }
  const requests = run.ok + run.non2xx;
  console.log(`${kind}: ${describeRun(run)}; server CPU ${(cpuUs / requests).toFixed(0)} µs per request`);
  // The main thread's (thread 0); tsx's loader thread writes one too.
  const file = readdirSync(profileDir).find((f) => /\.0\.\d+\.cpuprofile$/.test(f));
  if (!file) throw new Error(`no profile in ${profileDir}`);
  const profile = JSON.parse(readFileSync(join(profileDir, file), "utf8"));
  console.log(summarise(profile, requests, 30, window));
} finally {
  rmSync(work, { recursive: true, force: true });
}
