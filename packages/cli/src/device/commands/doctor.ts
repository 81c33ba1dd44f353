import type { Command } from "commander";
import type { Io } from "../../admin/io.js";
import { palette } from "../../terminal/colour.js";
import { deviceCommand, withSession } from "../command.js";
import { runDevice } from "../context.js";
import { gather } from "../doctor/gather.js";
import { renderReport } from "../doctor/render.js";
import { diagnose } from "../doctor/report.js";
import { DeviceExitCode } from "../exit.js";

/**
 * `ninsho device doctor [--offline]`: a troubleshooter. It checks, in order, the key's format, the server's
 * reachability and TLS, the clock's skew against the server's signed time, the lease's signature and expiry,
 * the fingerprint's drift since activation, and the device limit and transfer allowance, and, when the SDK's
 * seat or relay client keeps its notes in this folder, the seat (a full pool, a lapsed seat, the runway while
 * heartbeats fail) and the relay (how it was found, the grant chain, its refusals); then prints numbered
 * remedies. Exits 0 when no check failed (warnings allowed), 8 when one did.
 * @example
 * ninsho device doctor --json | jq '.remedies[] | "\(.number). \(.text)"'
 */
export function registerDoctor(device: Command, io: Io): void {
  deviceCommand(device, "doctor", "find out what is wrong with this machine's activation, and what to do")
    .option("--offline", "check only what is on this machine (no server contact)")
    .action((options: { offline?: boolean }, command: Command) =>
      runDevice(io, command, (ctx) =>
        withSession(ctx, { pin: false }, async (session) => {
          const evidence = await gather(ctx, session, { offline: options.offline === true });
          const report = diagnose(evidence);
          const { config, m } = ctx;
          if (ctx.json) {
            ctx.printJson({
              productId: config.productId,
              dir: config.dir,
              url: config.url,
              checkedAt: new Date(evidence.deviceTimeMs).toISOString(),
              online: evidence.online,
              // What the SDK's seat and relay clients last noted here, as the seat and relay checks read it.
              ...(evidence.seat ? { seat: evidence.seat } : {}),
              ...(evidence.relay ? { relay: evidence.relay } : {}),
              ...report,
            });
          } else {
            const heading = m.doctor.heading(config.productId, config.dir, config.url);
            const paint = palette(ctx.io.stdout, ctx.io.env);
            for (const line of renderReport(report, m.doctor, heading, paint)) ctx.print(line);
          }
          return report.healthy ? DeviceExitCode.ok : DeviceExitCode.problemsFound;
        }),
      ),
    );
}
