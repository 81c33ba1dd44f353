import { isRecord } from "@ninsho/core";
import { type ClientStatus, formatDuration } from "@ninsho/sdk";
import type { Command } from "commander";
import { when } from "../../admin/format.js";
import type { Io } from "../../admin/io.js";
import { deviceCommand, withSession } from "../command.js";
import { type DeviceContext, runDevice } from "../context.js";
import { DeviceFailure } from "../failure.js";
import { keyDigest, type Trust } from "../trust.js";

/**
 * The lines that tell what an activation did: the keys pinned now (trust on first use), new device or
 * recognised (with the match score), and the lease's times.
 * @example
 * for (const line of activationLines(ctx, decision, status, trust)) ctx.print(line);
 */
export function activationLines(
  ctx: DeviceContext,
  decision: unknown,
  status: ClientStatus,
  pinned: Trust | undefined,
): string[] {
  const { m } = ctx;
  const lines: string[] = [];
  if (pinned) {
    lines.push(m.pinned(pinned.keys.length, pinned.url ?? ctx.config.url));
    for (const key of pinned.keys)
      lines.push(m.pinnedKey(typeof key === "object" ? (key.kid ?? "-") : "-", keyDigest(key)));
  }
  const deviceId = status.deviceId ?? "?";
  if (isRecord(decision) && decision.outcome === "recognized") {
    const score = typeof decision.score === "number" ? decision.score : undefined;
    const threshold = typeof decision.threshold === "number" ? decision.threshold : undefined;
    lines.push(m.recognized(deviceId, `${score ?? "?"} ≥ ${threshold ?? "?"}`));
  } else {
    lines.push(m.activatedNew(deviceId, status.licenseId ?? "?"));
  }
  if (status.leaseExpiresAt !== undefined && status.graceEndsAt !== undefined) {
    lines.push(
      m.leaseLine(
        when(status.leaseExpiresAt),
        when(status.graceEndsAt),
        formatDuration(status.timeLeftMs ?? 0, ctx.locale),
      ),
    );
  }
  return lines;
}

/**
 * `ninsho device activate`: activate this machine with the installed (or preinstalled) key. At the first
 * activation without vendor keys, the server's JWKS is fetched and pinned (trust on first use); `--repin`
 * replaces that pin after a key rotation the vendor announced.
 * @example
 * ninsho device activate --product prd_01… --url https://activation.example.com
 */
export function registerActivate(device: Command, io: Io): void {
  deviceCommand(device, "activate", "activate this machine with the installed key")
    .option("--repin", "trust the server's current public keys again (after a key rotation)")
    .action((options: { repin?: boolean }, command: Command) =>
      runDevice(io, command, async (ctx) => {
        // A key first (a preinstalled one is found here): pinning a server's keys for nothing helps no one.
        const before = await withSession(ctx, { pin: false }, ({ client }) => client.status());
        if (before.state === "no_key" && before.problem) throw DeviceFailure.problem(before.problem);
        return withSession(ctx, { pin: true, repin: options.repin === true }, async (session) => {
          await session.readMachine();
          const result = await session.client.activate();
          if (!result.ok) throw DeviceFailure.problem(result.problem);
          const pinned = session.pinnedNow ? session.trust : undefined;
          if (ctx.json) {
            ctx.printJson({
              ok: true,
              decision: result.decision,
              status: result.status,
              ...(pinned ? { pinned } : {}),
            });
          } else {
            for (const line of activationLines(ctx, result.decision, result.status, pinned)) ctx.print(line);
          }
          return 0;
        });
      }),
    );
}
