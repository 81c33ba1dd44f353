import type { Command } from "commander";
import type { Io } from "../../admin/io.js";
import { deviceCommand, withSession } from "../command.js";
import { runDevice } from "../context.js";

/**
 * `ninsho device uninstall-key`: remove the key and the lease from this machine (offline). The server is not
 * told: the machine's slot stays taken until `deactivate` (run it first) or a support action frees it.
 * @example
 * ninsho device deactivate && ninsho device uninstall-key
 */
export function registerUninstallKey(device: Command, io: Io): void {
  deviceCommand(device, "uninstall-key", "remove the key and the lease from this machine (offline)").action(
    (_options: unknown, command: Command) =>
      runDevice(io, command, (ctx) =>
        withSession(ctx, { pin: false }, async ({ client }) => {
          const before = await client.status();
          const status = await client.uninstallKey();
          // A machine that still held a lease still holds its slot on the server.
          const slotKept = before.leaseExpiresAt === undefined ? undefined : before.deviceId;
          if (ctx.json) ctx.printJson({ ok: true, status, ...(slotKept ? { slotKept } : {}) });
          else {
            ctx.print(ctx.m.uninstalled);
            if (slotKept) ctx.print(ctx.m.slotKept(slotKept));
          }
          return 0;
        }),
      ),
  );
}
