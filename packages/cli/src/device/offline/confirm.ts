import { formatDuration } from "@ninsho/sdk";
import type { Command } from "commander";
import { when } from "../../admin/format.js";
import type { Io } from "../../admin/io.js";
import { deviceCommand, withSession } from "../command.js";
import { runDevice } from "../context.js";
import { DeviceFailure } from "../failure.js";
import { offlineMessagesFor } from "./messages.js";
import { readOfflineKey } from "./options.js";

/**
 * `ninsho device confirm CID`: install the confirmation ID read out by the phone-activation page or support.
 * Input is forgiving (spaces, hyphens, full-width digits, the groups as separate arguments); a typo is named
 * by its group before anything else (CONFIRMATION_ID_MALFORMED, exit 2). The confirmation is verified offline
 * with the product's offline key against the installation ID this machine made and kept, on this machine as
 * it is now; one for another machine, license or product, or altered, is CONFIRMATION_INVALID (exit 3).
 * @example
 * ninsho device confirm 100539-841618-268760-645376-516052-208999-701959-348030-469409-903962-642600-834129-847313-391562-563856-433984-235466
 */
export function registerConfirm(device: Command, io: Io): void {
  deviceCommand(
    device,
    "confirm <confirmationId...>",
    "install a confirmation ID from phone activation (offline)",
  )
    .option("--offline-key <json>", "the product's offline key (JSON or a file; default: NINSHO_OFFLINE_KEY)")
    .action((typed: string[], options: { offlineKey?: string }, command: Command) =>
      runDevice(io, command, async (ctx) => {
        const om = offlineMessagesFor(ctx.locale);
        const offline = await readOfflineKey(options.offlineKey, io.env, ctx.locale);
        const mode = { pin: false, ...(offline ? { offline } : {}) };
        return withSession(ctx, mode, async ({ client }) => {
          const result = await client.confirm(typed.join(" "));
          if (!result.ok) throw DeviceFailure.problem(result.problem);
          const { confirmation, status } = result;
          if (ctx.json) {
            ctx.printJson({ ok: true, confirmation, status });
            return 0;
          }
          if (!confirmation.installed) ctx.print(om.confirmationKept);
          else if (confirmation.leaseExpiresAt === undefined || confirmation.graceEndsAt === undefined)
            ctx.print(om.confirmedForever);
          else {
            const left = formatDuration(status.timeLeftMs ?? 0, ctx.locale);
            ctx.print(om.confirmed(when(confirmation.leaseExpiresAt), when(confirmation.graceEndsAt), left));
          }
          return 0;
        });
      }),
    );
}
