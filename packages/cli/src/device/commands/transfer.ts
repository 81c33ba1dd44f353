import type { Command } from "commander";
import type { Io } from "../../admin/io.js";
import { deviceCommand, withSession } from "../command.js";
import { runDevice } from "../context.js";
import { DeviceFailure } from "../failure.js";

/**
 * `ninsho device transfer FROM_DEVICE_ID`: move the license from an old machine to this one in self-service,
 * within the policy's transfer allowance (story 4: a new motherboard). The old device stops refreshing.
 * @example
 * ninsho device transfer dev_01OLDMACHINE
 */
export function registerTransfer(device: Command, io: Io): void {
  deviceCommand(
    device,
    "transfer <fromDeviceId>",
    "move the license from another device to this machine",
  ).action((fromDeviceId: string, _options: unknown, command: Command) =>
    runDevice(io, command, (ctx) =>
      withSession(ctx, { pin: true }, async (session) => {
        await session.readMachine();
        const result = await session.client.transfer(fromDeviceId);
        if (!result.ok) throw DeviceFailure.problem(result.problem);
        if (ctx.json) {
          ctx.printJson({
            ok: true,
            deviceId: result.deviceId,
            transfersLeft: result.transfersLeft,
            status: result.status,
          });
        } else ctx.print(ctx.m.transferred(fromDeviceId, result.deviceId, result.transfersLeft));
        return 0;
      }),
    ),
  );
}
