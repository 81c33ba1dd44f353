/** Runs of the built binary whose stdout's reader goes away, or that claim a terminal's conventions. */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/ninsho.js", import.meta.url));

/** A spawned run: how it ended, what it printed on stderr, and on stdout when that was read. */
export interface PipedRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `ninsho …args` with stdout into a reader that closes at once, before the command has written a byte: every
 * write the command makes meets a closed pipe (EPIPE), as `ninsho … | head -1` does once head has its line.
 */
export function spawnIntoClosedReader(
  args: readonly string[],
  env: Record<string, string>,
): Promise<PipedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? "", ...env } });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout: "", stderr }));
  });
}

/** `ninsho …args` with stdout and stderr read to the end (both pipes, never a terminal). */
export function spawnPiped(
  args: readonly string[],
  env: Record<string, string>,
  cwd?: string,
): Promise<PipedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? "", ...env },
      ...(cwd === undefined ? {} : { cwd }),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** A line of a JavaScript stack trace, as Node prints an uncaught error. */
export const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;
export const ESCAPE = "\u001b[";
