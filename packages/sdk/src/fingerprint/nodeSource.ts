import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import type { FingerprintSource } from "./source.js";

/**
 * Options of the real-machine source.
 *
 * @example
 * const options: NodeSourceOptions = { timeoutMs: 20_000 };
 */
export interface NodeSourceOptions {
  /** Per-command limit. PowerShell and `system_profiler` can need several seconds on a cold start. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
// `system_profiler ... -json` on a Mac with many displays and services runs to a few hundred kilobytes.
const MAX_OUTPUT_BYTES = 8 * 1024 * 1024;

/**
 * The source that reads the machine the SDK runs on: `node:fs` for files and `execFile` (never a shell,
 * so no argument is ever interpreted) with a timeout for commands.
 *
 * @example
 * const { fingerprint } = await collectFingerprint({ productSalt: "prod_01J...", source: nodeSource() });
 */
export function nodeSource(options: NodeSourceOptions = {}): FingerprintSource {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    readFile: async (path) => {
      try {
        return await readFile(path, "utf8");
      } catch {
        return undefined;
      }
    },
    readdir: async (path) => {
      try {
        return await readdir(path);
      } catch {
        return undefined;
      }
    },
    exec: (command, args) =>
      new Promise((resolve) => {
        try {
          execFile(
            command,
            [...args],
            { timeout, maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true, encoding: "utf8" },
            (error, stdout) => resolve(error ? undefined : stdout),
          );
        } catch {
          // execFile throws synchronously on some invalid arguments; a fact we cannot read is just absent.
          resolve(undefined);
        }
      }),
    env: (name) => process.env[name],
  };
}
