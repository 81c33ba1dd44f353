import type { Command } from "commander";
import type { Io } from "../../admin/io.js";
import { deviceCommand, withSession } from "../command.js";
import { runDevice } from "../context.js";
import { exitForState } from "../exit.js";
import { renderPairs, statusPairs } from "../render/status.js";
import { verboseFacts, verbosePairs } from "../render/verbose.js";

/**
 * `ninsho device status [--verbose]`: the license state, channel, device, lease and grace times, last server
 * contact, from the state folder alone (never online). `--verbose` adds where the key came from, the trusted
 * keys, and the fingerprint by kind (digests only), its collector and environment. Exits 0 when the app may
 * run, 6 when it may not, 7 when the folder or the clock cannot be trusted.
 * @example
 * ninsho device status --verbose --json | jq .status.state
 */
export function registerStatus(device: Command, io: Io): void {
  deviceCommand(device, "status", "this machine's license state (offline)")
    .option("--verbose", "also where the key came from, the trusted keys and the fingerprint by kind")
    .action((options: { verbose?: boolean }, command: Command) =>
      runDevice(io, command, (ctx) =>
        withSession(ctx, { pin: false }, async (session) => {
          const status = await session.client.status();
          const verbose =
            options.verbose === true
              ? verboseFacts(ctx.config, status, session.trust, await session.readMachine(), ctx.locale)
              : undefined;
          if (ctx.json) ctx.printJson({ status, ...(verbose ? { verbose } : {}) });
          else {
            const pairs = [
              ...statusPairs(status, ctx.m, ctx.locale),
              ...(verbose ? verbosePairs(verbose, ctx.m) : []),
            ];
            for (const line of renderPairs(pairs)) ctx.print(line);
          }
          return exitForState(status);
        }),
      ),
    );
}
