import type { Command } from "commander";
import { when } from "../../admin/format.js";
import type { Io } from "../../admin/io.js";
import { deviceCommand, withSession } from "../command.js";
import { runDevice } from "../context.js";
import { DeviceFailure } from "../failure.js";

/**
 * `ninsho device deactivate`: free this machine's slot on the license (online; the lease is the proof of
 * which device asks). The key stays installed.
 * @example
 * ninsho device deactivate --json
 */
export function registerDeactivate(device: Command, io: Io): void {
  deviceCommand(device, "deactivate", "free this machine's slot on the license (online)").action(
    (_options: unknown, command: Command) =>
      runDevice(io, command, (ctx) =>
        withSession(ctx, { pin: false }, async ({ client }) => {
          const result = await client.deactivate();
          if (!result.ok) throw DeviceFailure.problem(result.problem);
          if (ctx.json) {
            ctx.printJson({
              ok: true,
              deviceId: result.deviceId,
              deactivatedAt: result.deactivatedAt,
              status: result.status,
            });
          } else ctx.print(ctx.m.deactivated(result.deviceId, when(result.deactivatedAt)));
          return 0;
        }),
      ),
  );
}
