import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { type RunningServer, startServer } from "@ninsho/server";
import { CommanderError } from "commander";
import pino from "pino";
import { buildProgram } from "../../../src/program.js";
import { spawnPiped } from "../../terminal/support.js";

/** What a CLI run printed and how it ended. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A real server on an empty SQLite database in a temporary folder, seeded with an admin token. */
export interface TestServer {
  readonly url: string;
  readonly token: string;
  readonly dir: string;
  readonly server: RunningServer;
  /** The environment a CLI run needs to reach this server as its admin. */
  readonly env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Start the server on port 0 in a fresh folder.
 * @example
 * const server = await startTestServer();
 */
export async function startTestServer(): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), "ninsho-cli-"));
  const server = await startServer({
    dataDir: dir,
    port: 0,
    print: () => {},
    logger: pino({ level: "silent" }),
  });
  const token = server.seeded?.adminToken;
  if (token === undefined) throw new Error("the server did not seed an admin token");
  return {
    url: server.url,
    token,
    dir,
    server,
    env: { NINSHO_URL: server.url, NINSHO_TOKEN: token, LANG: "en_US.UTF-8" },
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const collect = (stream: PassThrough) => {
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString("utf8");
};

/**
 * Run `ninsho …args` in this process, with `env` as its whole environment, capturing its output.
 * @example
 * const { code, stdout } = await runCli(["whoami", "--json"], server.env);
 */
export async function runCli(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  let code = 0;
  try {
    await buildProgram({ stdout, stderr, env }).parseAsync(["node", "ninsho", ...args]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    code = error.exitCode;
  }
  stdout.end();
  stderr.end();
  return { code, stdout: out(), stderr: err() };
}

/**
 * Run the built `ninsho` binary (`node packages/cli/bin/ninsho.js`) as a child process.
 * @example
 * const { code, stderr } = await spawnCli(["products", "show", "prd_x"], server.env);
 */
export function spawnCli(
  args: readonly string[],
  env: Record<string, string>,
  cwd?: string,
): Promise<CliRun> {
  return spawnPiped(args, env, cwd).then(({ code, stdout, stderr }) => ({
    code: code ?? -1,
    stdout,
    stderr,
  }));
}

/**
 * Parse a run's stdout as JSON, failing the test with what was printed when it is not.
 * @example
 * const product = json<{ id: string }>(await runCli(["products", "create", "--name", "X", "--json"], env));
 */
export function json<T>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
}
