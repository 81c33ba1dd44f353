import type { Context } from "../context.js";
import { CliError } from "../errors.js";
import { ExitCode } from "../exit.js";
import { startProgress } from "./progress.js";
import type { Sink } from "./sink.js";

/**
 * What to generate: `count` new licenses under a policy, optionally owned by an account.
 * @example
 * const request: KeyRequest = { policyId: "pol_…", count: 1_000_000 };
 */
export interface KeyRequest {
  readonly policyId: string;
  readonly count: number;
  readonly ownerEmail?: string;
}

/**
 * What a generation did.
 * @example
 * const { count, seconds } = await generateKeys(ctx, request, sink);
 */
export interface KeyResult {
  readonly count: number;
  readonly seconds: number;
  readonly policyId: string;
  /** The file written, or null for stdout. */
  readonly out: string | null;
}

const NEWLINE = 10;

/**
 * Issue keys through `POST /v1/admin/key-batches` and stream the CSV into `sink` chunk by chunk, with
 * progress on stderr. The server commits every batch before sending it, so each complete line received is a
 * stored license: when the connection breaks, the partial last line is cut off and the rest kept.
 * @example
 * const result = await generateKeys(ctx, { policyId: "pol_…", count: 20_000 }, await fileSink("k.csv", false, "en"));
 */
export async function generateKeys(ctx: Context, request: KeyRequest, sink: Sink): Promise<KeyResult> {
  const started = performance.now();
  let response: Awaited<ReturnType<Context["api"]["keyBatch"]>>;
  try {
    response = await ctx.api.keyBatch(request);
  } catch (error) {
    await sink.discard();
    throw error;
  }
  const total = Number(response.headers.get("x-ninsho-key-count")) || request.count;
  const progress = startProgress(ctx.io, ctx.m, total);
  const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  // Ctrl-C stops reading; the keys already written are kept, cut at the last complete line.
  let interrupted = false;
  const interrupt = () => {
    interrupted = true;
    reader.cancel().catch(() => {});
  };
  process.once("SIGINT", interrupt);
  process.once("SIGTERM", interrupt);
  const copied = { lines: 0, completeBytes: 0 };
  try {
    await copyLines(reader, sink, copied, (lines) => progress.update(Math.max(0, lines - 1)));
  } catch (error) {
    await reader.cancel().catch(() => {});
    if (error instanceof CliError) {
      await sink.close().catch(() => {});
      throw error;
    }
    await keepComplete(sink, copied.completeBytes);
    const written = Math.max(0, copied.lines - 1);
    throw CliError.of(ExitCode.unreachable, "STREAM_BROKEN", ctx.locale, { written });
  } finally {
    progress.stop();
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
  }
  const count = Math.max(0, copied.lines - 1);
  if (interrupted) {
    await keepComplete(sink, copied.completeBytes);
    throw CliError.of(ExitCode.interrupted, "INTERRUPTED", ctx.locale, { written: count });
  }
  await sink.close();
  if (count !== request.count) {
    const params = { written: count, expected: request.count };
    throw CliError.of(ExitCode.serverError, "STREAM_SHORT", ctx.locale, params);
  }
  const seconds = Math.round(performance.now() - started) / 1000;
  return { count, seconds, policyId: request.policyId, out: sink.path ?? null };
}

/** Copy the stream into the sink chunk by chunk, counting lines and where the last complete one ends. */
async function copyLines(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  sink: Sink,
  copied: { lines: number; completeBytes: number },
  onProgress: (lines: number) => void,
): Promise<void> {
  let bytes = 0;
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) return;
    await sink.write(chunk);
    for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) {
      copied.lines++;
      copied.completeBytes = bytes + i + 1;
    }
    bytes += chunk.length;
    onProgress(copied.lines);
  }
}

/** Cut a partial last line off the output and close it. */
async function keepComplete(sink: Sink, completeBytes: number): Promise<void> {
  await sink.truncate(completeBytes);
  await sink.close();
}
