/**
 * Real server processes for the multi-process tests: `node packages/cli/bin/ninsho.js serve …`, the built CLI
 * (the root test command runs `tsc -b` first), on 127.0.0.1 with a port of the system's choosing. Every process
 * started is stopped by `stopAll` (SIGKILL if it does not stop in time), and folders are removed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { HANG_MS } from "../../../../../testing/budget.js";

const root = fileURLToPath(new URL("../../../../../", import.meta.url));
export const CLI = join(root, "packages/cli/bin/ninsho.js");
const BUILT = join(root, "packages/server/dist/cluster/worker.js");

/** Time a process may take to start on a busy machine. */
// A hang limit, not a speed limit: a loaded machine may take minutes to start a process (testing/budget.ts).
const START_TIMEOUT_MS = HANG_MS;

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly pid: number;
  /** What it printed on stdout (the banner). */
  readonly lines: readonly string[];
  /** The admin token, when this process seeded the database. */
  readonly adminToken?: string;
  /** What it logged on stderr, for a failing test's message. */
  stderr(): string;
}

export interface ServeOptions {
  readonly databaseUrl?: string;
  readonly dataDir?: string;
  readonly seed?: boolean;
  readonly workers?: number;
  readonly env?: Readonly<Record<string, string>>;
  readonly args?: readonly string[];
}

/** A run of `ninsho …` to its end: exit code and output. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A master key shared by all the processes of a test file, as NINSHO_MASTER_KEY. */
export const sharedMasterKey = (): string => randomBytes(32).toString("hex");

export function assertBuilt(): void {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run \`npx tsc -b\` before these tests`);
}

/** Processes and folders of one test file, cleaned up by `stopAll`. */
export class Processes {
  private readonly running = new Set<ChildProcess>();
  private readonly folders: string[] = [];

  folder(): string {
    const dir = mkdtempSync(join(tmpdir(), "ninsho-mp-"));
    this.folders.push(dir);
    return dir;
  }

  /** Start `ninsho serve` and wait until it says where it listens. */
  async serve(options: ServeOptions = {}): Promise<ServerProcess> {
    const args = ["serve", "--port", "0", "--host", "127.0.0.1", "--data", options.dataDir ?? this.folder()];
    if (options.databaseUrl !== undefined) args.push("--database-url", options.databaseUrl);
    if (options.seed === false) args.push("--no-seed");
    if (options.workers !== undefined) args.push("--workers", String(options.workers));
    args.push(...(options.args ?? []));
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: root,
      env: { ...process.env, NINSHO_LOG_LEVEL: "warn", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.running.add(child);
    child.once("exit", () => this.running.delete(child));
    const lines: string[] = [];
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-20_000);
    });
    const url = await new Promise<string>((ready, refuse) => {
      const timer = setTimeout(
        () => refuse(new Error(`no banner in time; stderr: ${stderr}`)),
        START_TIMEOUT_MS,
      );
      let pending = "";
      child.stdout?.on("data", (chunk: Buffer) => {
        pending += chunk.toString("utf8");
        const parts = pending.split("\n");
        pending = parts.pop() ?? "";
        for (const text of parts) {
          lines.push(text);
          const found = /listening on (http:\/\/\S+)/.exec(text);
          if (found?.[1]) {
            clearTimeout(timer);
            ready(found[1]);
          }
        }
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        refuse(new Error(`ninsho serve exited (${signal ?? code}) before listening; stderr: ${stderr}`));
      });
    });
    // The banner's later lines (the admin token) follow the first within moments.
    await waitFor(() => lines.some((l) => l.startsWith("database: ")), HANG_MS);
    if (options.seed !== false)
      await waitFor(() => lines.some((l) => l.startsWith("activate the demo")), 5_000);
    // Its stdout is a pipe, not a terminal: the token is in the file the banner names, never in the output.
    const tokenFile = lines
      .find((l) => l.startsWith("admin token file: "))
      ?.slice("admin token file: ".length);
    const token = tokenFile === undefined ? undefined : readFileSync(tokenFile, "utf8").trim();
    return {
      url,
      child,
      pid: child.pid ?? 0,
      lines,
      ...(token === undefined ? {} : { adminToken: token }),
      stderr: () => stderr,
    };
  }

  /** Run `ninsho …` to its end. */
  run(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.running.add(child);
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    return new Promise((done) => {
      child.once("exit", (code) => {
        this.running.delete(child);
        done({ code, stdout, stderr });
      });
    });
  }

  /** Stop a process gracefully (SIGTERM), or for good after a while. */
  stop(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
    return new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      child.once("exit", () => {
        clearTimeout(timer);
        done();
      });
      child.kill("SIGTERM");
    });
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running].map((child) => this.stop(child)));
    for (const dir of this.folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
