import { writeFile } from "node:fs/promises";
import type { Locale } from "@ninsho/core";
import type { Command } from "commander";
import type { Io } from "../../admin/io.js";
import { line } from "../../admin/io.js";
import { deviceCommand, withSession } from "../command.js";
import { runDevice } from "../context.js";
import { DeviceExitCode } from "../exit.js";
import { DeviceFailure } from "../failure.js";
import { offlineMessagesFor } from "./messages.js";

/**
 * `ninsho device request-file [--out FILE] [--no-seal]`: write a request file for USB activation (the full
 * fingerprint, the license's short id and a proof of the key — never the key). Unless `--no-seal`, the
 * license file will be sealed to this machine: its private key stays in the state folder (0600). Without
 * `--out` the file goes to stdout (and the explanations to stderr). An `--out` file that cannot be written is
 * OUTPUT_FAILED (exit 1), as on the admin side.
 * @example
 * ninsho device request-file --out /media/usb/ninsho-request.json
 */
export function registerRequestFile(device: Command, io: Io): void {
  deviceCommand(device, "request-file", "write a request file for USB activation (offline)")
    .option("--out <file>", "where to write it (default: stdout)")
    .option("--no-seal", "do not ask for the license file to be sealed to this machine")
    .action((options: { out?: string; seal: boolean }, command: Command) =>
      runDevice(io, command, (ctx) =>
        withSession(ctx, { pin: false }, async ({ client }) => {
          const om = offlineMessagesFor(ctx.locale);
          const result = await client.offlineRequest({ seal: options.seal });
          if (!result.ok) throw DeviceFailure.problem(result.problem);
          const { requestFile } = result;
          if (options.out !== undefined) await writeOut(options.out, requestFile.contents, ctx.locale);
          const facts = {
            fileName: requestFile.fileName,
            sealed: requestFile.sealed,
            digest: requestFile.digest,
          };
          if (ctx.json) {
            const where =
              options.out === undefined ? { contents: requestFile.contents } : { path: options.out };
            ctx.printJson({ ok: true, requestFile: { ...facts, ...where } });
            return 0;
          }
          if (options.out === undefined) io.stdout.write(requestFile.contents);
          const say = (text: string) => (options.out === undefined ? line(io.stderr, text) : ctx.print(text));
          say(om.requestWritten(options.out, requestFile.sealed));
          say(om.requestNext);
          return 0;
        }),
      ),
    );
}

/** Write the request file to `--out`; a folder that does not exist or may not be written is OUTPUT_FAILED. */
async function writeOut(path: string, contents: string, locale: Locale): Promise<void> {
  try {
    await writeFile(path, contents);
  } catch (error) {
    const cause = !(error instanceof Error)
      ? String(error)
      : "code" in error
        ? String(error.code)
        : error.message;
    throw DeviceFailure.of(DeviceExitCode.failure, "OUTPUT_FAILED", locale, { path, cause });
  }
}
