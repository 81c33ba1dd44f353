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
 * a previous bench server seeded, given that server's `adminToken` (a restart on a database that grows).
 */
export async function startBenchServer(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
  seededToken?: string,
): Promise<BenchServer> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", new URL("./server.ts", import.meta.url).pathname, dataDir],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, ...env },
    },
  );
  const stdout = child.stdout;
  if (!stdout) throw new Error("no stdout from the bench server");
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: stdout });
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const { url, adminToken: printed } = JSON.parse(first) as { url: string; adminToken: string | null };
  const adminToken = printed ?? seededToken;
  if (!adminToken) throw new Error("bench server data folder was not fresh");
  return {
    url,
    adminToken,
    child,
    peakMemoryMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return Math.round(kb / 1024);
    },
    stop: () =>
      new Promise((done) => {
        child.once("exit", () => done());
        child.kill("SIGTERM");
      }),
  };
}
