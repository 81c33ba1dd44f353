import { formatDuration } from "@ninsho/sdk";
import type { Command } from "commander";
import { when } from "../../admin/format.js";
import type { Io } from "../../admin/io.js";
import { deviceCommand, withSession } from "../command.js";
import { runDevice } from "../context.js";
import { exitForState } from "../exit.js";

/**
 * `ninsho device expiry`: when the lease, the grace period and the license end, in a sentence (offline).
 * Exits like `status`.
 * @example
 * ninsho device expiry # "Activated. The lease runs until 2026-11-28 02:48:12Z (6 days 23 hours), then grace until …"
 */
export function registerExpiry(device: Command, io: Io): void {
  deviceCommand(device, "expiry", "when the lease, the grace period and the license end (offline)").action(
    (_options: unknown, command: Command) =>
      runDevice(io, command, (ctx) =>
        withSession(ctx, { pin: false }, async ({ client }) => {
          const s = await client.status();
          const { m, locale } = ctx;
          if (ctx.json) {
            ctx.printJson({
              state: s.state,
              valid: s.valid,
              ...(s.code === undefined ? {} : { code: s.code }),
              leaseExpiresAt: s.leaseExpiresAt,
              graceEndsAt: s.graceEndsAt,
              licenseExpiresAt: s.licenseExpiresAt,
              leaseTimeLeftMs: s.leaseTimeLeftMs,
              timeLeftMs: s.timeLeftMs,
            });
            return exitForState(s);
          }
          const lease = s.leaseExpiresAt;
          const grace = s.graceEndsAt;
          if (s.state === "active" && lease !== undefined && grace !== undefined) {
            ctx.print(
              m.expiryActive(when(lease), formatDuration(s.leaseTimeLeftMs ?? 0, locale), when(grace)),
            );
          } else if (s.state === "grace" && lease !== undefined && grace !== undefined) {
            ctx.print(m.expiryGrace(when(lease), when(grace), formatDuration(s.timeLeftMs ?? 0, locale)));
          } else {
            ctx.print(`${s.code ?? s.state}: ${s.message ?? s.explanation}`);
            if (s.remedy !== undefined) ctx.print(s.remedy);
          }
          if (s.valid)
            ctx.print(
              m.licenseExpires(s.licenseExpiresAt === undefined ? undefined : when(s.licenseExpiresAt)),
            );
          return exitForState(s);
        }),
      ),
  );
}
