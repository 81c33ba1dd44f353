/**
 * Instructions per request of one route, counted by valgrind (callgrind), so the figure does not move with
 * the machine's load the way requests per second and CPU time do on a shared machine. The bench server runs
 * under callgrind in its own process; this process sends a fixed number of requests (a warm-up first, so the
 * JIT has compiled the hot paths), zeroes the counters, sends the measured requests, dumps the counters and
 * divides. A quiet window of the same length is counted too: what the server does with no request (timers,
 * threads) in that time, so a background cost shows apart from the per-request one.
 *
 *   npm run build && npx tsx bench/profile/instructions.ts floor    # or lease, key, activate
 *
 * INSTR_REQUESTS (default 2,000), INSTR_WARMUP (2,000), INSTR_CONNECTIONS (1: one request at a time, so no batching that varies with the load), PROFILE_LICENSES (20,000; lease
 * and key only), INSTR_ROOT (the checkout whose bench/http/server.ts and build to run: another worktree to
 * compare commits; default this one), INSTR_KEEP (a folder to keep the callgrind dump in, for
 * callgrind_annotate), INSTR_LEASE_DIGESTS=0 (the copy's devices without the digest of their issued lease, as
 * every device was before the digests: recognising a presented lease re-creates it, one sign on a cache miss).
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import SqliteDatabase from "better-sqlite3";
import { Traffic } from "../http/traffic.js";
import { copySeed, sqliteSeed } from "../seed/cache.js";
import { benchConfig } from "../suite/config.js";

const kind = process.argv[2] ?? "floor";
const count = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const requests = count("INSTR_REQUESTS", 2_000);
const warmup = count("INSTR_WARMUP", 2_000);
const connections = count("INSTR_CONNECTIONS", 1);
const root = resolve(process.env.INSTR_ROOT ?? new URL("../..", import.meta.url).pathname);
const work = mkdtempSync(join(tmpdir(), "ninsho-instr-"));
const dataDir = join(work, "data");

/** The body of each request: the bench's own (a validation by lease also goes to the floor route). */
async function bodies(): Promise<() => string> {
  const licenses = count("PROFILE_LICENSES", kind === "floor" ? 300 : 20_000);
  const seed = await sqliteSeed(benchConfig().workRoot, { licenses, volumeKeys: 2000 }, console.log);
  const traffic = new Traffic(seed.holdersFile, seed.volumeFile);
  if (kind === "floor") mkdirSync(dataDir);
  else copySeed(seed, dataDir, true);
  if (kind !== "floor" && process.env.INSTR_LEASE_DIGESTS === "0") {
    const db = new SqliteDatabase(join(dataDir, "ninsho.db"));
    db.prepare("update devices set lease_digest = null").run();
    db.close();
  }
  if (kind === "activate") return traffic.activation;
  return kind === "key" ? traffic.byKey : traffic.byLease;
}

const path = { floor: "/_bench/floor", activate: "/v1/activations" }[kind] ?? "/v1/validate";
const body = await bodies();
const out = join(work, "callgrind.out");
const child = spawn(
  "valgrind",
  [
    "--tool=callgrind",
    `--callgrind-out-file=${out}`,
    "--dump-instr=no",
    // Translated but not counted until the warm-up is over: the start runs several times faster.
    "--instr-atstart=no",
    process.execPath,
    new URL("./instructionsServer.mjs", import.meta.url).pathname,
    root,
    dataDir,
  ],
  {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, BENCH_WORKERS: "1", BENCH_DATABASE_URL: "" },
  },
);
const stderr: string[] = [];
child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
const url = await new Promise<string>((ready, fail) => {
  if (!child.stdout) return fail(new Error("no stdout"));
  createInterface({ input: child.stdout }).on("line", (line) => {
    if (line.startsWith('{"url":')) ready((JSON.parse(line) as { url: string }).url);
  });
  child.once("exit", (code) =>
    fail(new Error(`server exited with ${code}: ${stderr.join("").slice(-2000)}`)),
  );
});

let agent = new Agent({ keepAlive: true, maxSockets: connections });
let resent = 0;
const post = (payload: string): Promise<number> =>
  new Promise<number>((done, fail) => {
    const req = request(`${url}${path}`, {
      method: "POST",
      agent,
      headers: { "content-type": "application/json" },
    });
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => done(res.statusCode ?? 0));
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed as the request went out (its keep-alive timer fires late
      // under valgrind on a loaded machine): sent again on a new one, as HTTP clients do.
      if (req.reusedSocket && error.code === "ECONNRESET") {
        resent += 1;
        post(payload).then(done, fail);
      } else fail(error);
    });
    req.end(payload);
  });
/** `n` requests, `connections` at a time; throws on a non-2xx answer (it would measure a refusal). */
async function send(n: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < n) {
      next += 1;
      const status = await post(body());
      if (status < 200 || status > 299) throw new Error(`${path} answered ${status}`);
    }
  };
  await Promise.all(Array.from({ length: connections }, lane));
}
/** callgrind_control on the server: -i on starts counting, -z zeroes the counters, -d dumps them to a file. */
const control = (...flag: string[]) => {
  // Idle keep-alive connections have been seen to stall once valgrind's gdbserver interrupted the server's
  // epoll_wait: every batch of requests opens its own.
  agent.destroy();
  agent = new Agent({ keepAlive: true, maxSockets: connections });
  const r = spawnSync("callgrind_control", [...flag, String(child.pid)], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`callgrind_control ${flag}: ${r.stderr}`);
};
/** The newest dump's files (one per thread when callgrind separates them; one here). */
const newestDump = (): string[] => {
  const dumps = readdirSync(work)
    .filter((f) => f.startsWith("callgrind.out."))
    .map((f) => ({ f, n: Number(/\.(\d+)(-\d+)?$/.exec(f)?.[1] ?? 0) }));
  const newest = Math.max(...dumps.map((d) => d.n));
  return dumps.filter((d) => d.n === newest).map((d) => join(work, d.f));
};

/**
 * A dump's instructions in three parts, by the function that ran them (callgrind_annotate's self cost):
 * V8's optimising compilers (JIT work still going on in the measured window, on its background threads too),
 * the garbage collector, and the rest: the JavaScript, the runtime and the native libraries a request runs.
 * The rest moves least from run to run; compiler work comes and goes with V8's tiering.
 */
function split(): { total: number; compiler: number; gc: number; rest: number } {
  let total = 0;
  let compiler = 0;
  let gc = 0;
  for (const file of newestDump()) {
    const r = spawnSync("callgrind_annotate", ["--threshold=100", file], {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    for (const line of r.stdout.split("\n")) {
      const m = /^\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)$/.exec(line);
      if (!m || line.includes("PROGRAM TOTALS")) continue;
      const n = Number((m[1] ?? "0").replaceAll(",", ""));
      const fn = m[2] ?? "";
      total += n;
      if (/compiler::|maglev::|turboshaft|Compil/i.test(fn)) compiler += n;
      else if (/Marking|Sweep|Scaveng|heap::|Heap::|Evacuat|MemoryChunk|RememberedSet|SlotSet/.test(fn))
        gc += n;
    }
  }
  return { total, compiler, gc, rest: total - compiler - gc };
}

try {
  console.log(`server up at ${url} under callgrind; ${warmup} requests to warm up`);
  await send(warmup);
  console.log(`warm; counting ${requests} requests`);
  control("-i", "on");
  control("-z");
  const started = Date.now();
  await send(requests);
  control("-d");
  const busy = split();
  const seconds = (Date.now() - started) / 1000;
  control("-z");
  // INSTR_IDLE_SECONDS: a quiet window of another length (after activations: what they leave to do).
  const idleSeconds = count("INSTR_IDLE_SECONDS", seconds);
  await new Promise((r) => setTimeout(r, idleSeconds * 1000));
  control("-d");
  const idle = split();
  const per = (n: number) => Math.round(n / requests).toLocaleString("en");
  console.log(
    `${kind} at ${root}, ${requests} requests on ${connections} connection(s) (${seconds.toFixed(1)} s under callgrind):\n` +
      `  instructions per request ${per(busy.total)}: compilers ${per(busy.compiler)}, GC ${per(busy.gc)}, rest ${per(busy.rest)}\n` +
      `  then ${idleSeconds.toFixed(0)} s with no request: ${idle.total.toLocaleString("en")} instructions ` +
      `(compilers ${idle.compiler.toLocaleString("en")}, GC ${idle.gc.toLocaleString("en")}, rest ${idle.rest.toLocaleString("en")}); ` +
      `${resent} requests sent again after a reset`,
  );
  if (process.env.INSTR_KEEP) cpSync(work, process.env.INSTR_KEEP, { recursive: true });
} finally {
  agent.destroy();
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  rmSync(work, { recursive: true, force: true });
}
