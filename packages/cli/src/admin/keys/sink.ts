import { constants } from "node:fs";
import { type FileHandle, open, unlink } from "node:fs/promises";
import type { Writable } from "node:stream";
import type { Locale } from "@ninsho/core";
import { CliError } from "../errors.js";
import { ExitCode } from "../exit.js";

/**
 * Where the CSV of keys goes: a 0600 file or stdout. Writes wait for the destination, so memory stays flat.
 * @example
 * const sink = await fileSink("keys.csv", false, "en");
 * await sink.write(chunk);
 * await sink.close();
 */
export interface Sink {
  /** The file's path, or undefined for stdout. */
  readonly path: string | undefined;
  write(chunk: Uint8Array): Promise<void>;
  /** Cut the output back to `bytes` (a broken stream's last, partial line), where possible. */
  truncate(bytes: number): Promise<void>;
  close(): Promise<void>;
  /** Close and delete a file created for an answer that never came. */
  discard(): Promise<void>;
}

/**
 * Create `path` with mode 0600 (keys are secrets), refusing to overwrite an existing file unless `force`.
 * @example
 * const sink = await fileSink("keys.csv", false, "ja");
 */
export async function fileSink(path: string, force: boolean, locale: Locale): Promise<Sink> {
  const flags = constants.O_WRONLY | constants.O_CREAT | (force ? constants.O_TRUNC : constants.O_EXCL);
  let handle: FileHandle;
  try {
    handle = await open(path, flags, 0o600);
    // An existing file (with --force) keeps its old mode through open(): set it.
    await handle.chmod(0o600);
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : String(error);
    if (code === "EEXIST") throw CliError.of(ExitCode.usage, "OUTPUT_EXISTS", locale, { path });
    throw CliError.of(ExitCode.failure, "OUTPUT_FAILED", locale, { path, cause: code });
  }
  const failed = (error: unknown) => {
    const cause = error instanceof Error ? error.message : String(error);
    return CliError.of(ExitCode.failure, "OUTPUT_FAILED", locale, { path, cause });
  };
  return {
    path,
    write: async (chunk) => {
      try {
        await handle.write(chunk);
      } catch (error) {
        throw failed(error);
      }
    },
    truncate: (bytes) => handle.truncate(bytes),
    close: () => handle.close(),
    discard: async () => {
      await handle.close();
      await unlink(path);
    },
  };
}

/**
 * Write to a stream (stdout), waiting for it to drain when its buffer is full. A failed write (a closed pipe)
 * is a `STDOUT_FAILED` problem, not a broken connection.
 * @example
 * const sink = streamSink(process.stdout, "en");
 */
export function streamSink(stream: Writable, locale: Locale): Sink {
  return {
    path: undefined,
    write: (chunk) =>
      new Promise<void>((resolve, reject) => {
        const settle = (error?: Error) => {
          stream.off("error", settle);
          stream.off("drain", settle);
          if (error) {
            const cause = "code" in error ? String(error.code) : error.message;
            reject(CliError.of(ExitCode.failure, "STDOUT_FAILED", locale, { cause }));
          } else {
            resolve();
          }
        };
        stream.once("error", settle);
        if (stream.write(chunk)) settle();
        else stream.once("drain", settle);
      }),
    truncate: async () => {},
    close: async () => {},
    discard: async () => {},
  };
}
