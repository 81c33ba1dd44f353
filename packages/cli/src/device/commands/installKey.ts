import type { Command } from "commander";
import type { Io } from "../../admin/io.js";
import { deviceCommand, withSession } from "../command.js";
import { runDevice } from "../context.js";
import { DeviceFailure } from "../failure.js";

/**
 * `ninsho device install-key KEY`: install a product key as typed (any case, spaces, hyphens, full-width
 * characters, Unicode dashes). A typo is caught before any network call, naming its group (exit 2). Nothing
 * is sent to the server: `activate` does that.
 * @example
 * ninsho device install-key "jytg9 x6cj6 jgc3r 8v6q9 48hp2" --product prd_01… --dir ./license
 */
export function registerInstallKey(device: Command, io: Io): void {
  deviceCommand(
    device,
    "install-key <key>",
    "install a product key on this machine (checked offline)",
  ).action((key: string, _options: unknown, command: Command) =>
    runDevice(io, command, (ctx) =>
      withSession(ctx, { pin: false }, async ({ client }) => {
        const result = await client.installKey(key);
        if (!result.ok) throw DeviceFailure.problem(result.problem);
        if (ctx.json) ctx.printJson({ ok: true, status: result.status });
        else ctx.print(ctx.m.keyInstalled(result.status.keyHint ?? ""));
        return 0;
      }),
    ),
  );
}
