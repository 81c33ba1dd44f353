import type { Writable } from "node:stream";

/**
 * Whether an error is a write to a pipe whose reader has gone (`ninsho … | head -1` after head exits).
 * @example
 * process.stdout.on("error", (error) => { if (isBrokenPipe(error)) process.exit(0); });
 */
export function isBrokenPipe(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "EPIPE";
}

/**
 * End the process quietly when the reader of stdout or stderr goes away, instead of Node's unhandled 'error'
 * event and its stack trace. Output cut short by its reader is the reader's choice, not a failure: exit with
 * the code set so far (0 by default). A command that must tell the user its output was lost (key generation:
 * keys made but not received) listens on the stream itself; then this one stands back.
 * @example
 * exitQuietlyOnBrokenPipe([process.stdout, process.stderr], (code) => process.exit(code));
 */
export function exitQuietlyOnBrokenPipe(
  streams: readonly Writable[],
  exit: (code: number) => void,
  exitCode: () => number = () => Number(process.exitCode ?? 0),
): void {
  for (const stream of streams) {
    stream.on("error", (error) => {
      if (!isBrokenPipe(error)) throw error;
      if (stream.listenerCount("error") > 1) return; // the command reports it
      exit(exitCode());
    });
  }
}
