import type { Writable } from "node:stream";

/**
 * Where a command reads its environment and writes its output. The real process in `defaultIo()`; tests pass
 * their own streams to capture what a command prints.
 * @example
 * const io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env };
 */
export interface Io {
  /** `isTTY` (and NO_COLOR / FORCE_COLOR) decides whether help and reports are coloured. */
  readonly stdout: Writable & { readonly isTTY?: boolean };
  /** `isTTY` decides between a progress bar and plain progress lines, and whether errors are coloured. */
  readonly stderr: Writable & { readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * The process's own streams and environment.
 * @example
 * buildProgram(defaultIo());
 */
export function defaultIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/**
 * Write one line to a stream.
 * @example
 * line(io.stdout, "Created product prd_…");
 */
export function line(stream: Writable, text: string): void {
  stream.write(`${text}\n`);
}
