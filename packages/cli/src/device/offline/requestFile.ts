import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import type { Io } from "../../admin/io.js";
import { line } from "../../admin/io.js";
import { deviceCommand, withSession } from "../command.js";
import { runDevice } from "../context.js";
import { offlineMessagesFor } from "./messages.js";
import { offlineFailure } from "./options.js";

/**
 * `ninsho device request-file [--out FILE] [--no-seal]`: write a request file for USB activation (the full
 * fingerprint, the license's short id and a proof of the key — never the key). Unless `--no-seal`, the
 * license file will be sealed to this machine: its private key stays in the state folder (0600). Without
 * `--out` the file goes to stdout (and the explanations to stderr).
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
          if (!result.ok) throw offlineFailure(result.problem);
          const { requestFile } = result;
          if (options.out !== undefined) await writeFile(options.out, requestFile.contents);
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
