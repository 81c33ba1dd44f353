import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";

/** A bench server running in its own process. */
export interface BenchServer {
  readonly url: string;
  readonly adminToken: string;
  readonly child: ChildProcess;
  /** Peak resident memory of the server process so far, in MB (VmHWM). */
  peakMemoryMb(): number;
  stop(): Promise<void>;
}

/**
 * Start the bench server on `dataDir`: a fresh folder (the server seeds it and prints its admin token), or one
 * seeded before, given its `adminToken` (a copy of a bench seed, or a restart on a database that grows).
 */
export async function startBenchServer(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
  seededToken?: string,
): Promise<BenchServer> {
  // BENCH_PROFILE_DIR: the app server writes a CPU profile there when it stops (node --cpu-prof).
  const profile = process.env.BENCH_PROFILE_DIR;
  const nodeArgs = profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : [];
  const script = new URL("./server.ts", import.meta.url).pathname;
  const server = await spawnServer(script, [dataDir], env, nodeArgs);
  const adminToken = server.adminToken || seededToken;
  if (!adminToken) throw new Error("bench server data folder was not fresh");
  return { ...server, adminToken };
}

/** A floor server in its own process: `node` (bare node:http) or `framework` (bare Hono on its Node adapter). */
export function startFloorServer(kind: "node" | "framework"): Promise<BenchServer> {
  const script = kind === "node" ? "./floorNode.ts" : "./floorFramework.ts";
  return spawnServer(new URL(script, import.meta.url).pathname, [], {});
}

async function spawnServer(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  nodeArgs: readonly string[] = [],
): Promise<BenchServer> {
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", script, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...env },
  });
  const stdout = child.stdout;
  if (!stdout) throw new Error(`no stdout from ${script}`);
  // The first line that names a URL (a log line may come before it, e.g. a warning about file modes).
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: stdout });
    lines.on("line", (line) => {
      if (line.startsWith('{"url":')) resolve(line);
      else process.stdout.write(`${line}\n`);
    });
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  const { url, adminToken } = JSON.parse(first) as { url: string; adminToken: string | null };
  return {
    url,
    adminToken: adminToken ?? "",
    child,
    peakMemoryMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return Math.round(kb / 1024);
    },
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
      }),
  };
}
