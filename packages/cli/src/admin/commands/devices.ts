import type { Command } from "commander";
import { adminCommand, run } from "../context.js";
import type { Io } from "../io.js";

/**
 * `ninsho devices deactivate`: free a device's slot, e.g. for a customer whose old PC died.
 * @example
 * ninsho devices deactivate dev_… --reason "motherboard replaced"
 */
export function registerDevices(program: Command, io: Io): void {
  const devices = program.command("devices").description("manage activated devices");

  adminCommand(
    devices,
    "deactivate <id>",
    "deactivate a device, freeing its slot on the license (support role)",
  )
    .requiredOption("--reason <text>", "why, for the license's timeline")
    .action((id: string, _options: unknown, command: Command) =>
      run<{ reason: string }>(io, command, async (ctx, { reason }) => {
        const device = await ctx.api.deactivateDevice(id, reason);
        if (ctx.json) return ctx.printJson(device);
        ctx.print(ctx.m.deviceDeactivated(device.id));
      }),
    );
}
