import { isRecord } from "@ninsho/core";
import { type ClientStatus, formatDuration, type NinshoClient } from "@ninsho/sdk";
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
 * replaces that pin after a key rotation the vendor announced. `--account` activates with a license of the
 * user's account instead, without typing its key (a device-code sign-in like `gh auth login`): it prints a URL
 * and a code, waits while the user approves it signed in on that page, then installs the key and activates.
 * @example
 * ninsho device activate --product prd_01… --url https://activation.example.com
 * ninsho device activate --account
 */
export function registerActivate(device: Command, io: Io): void {
  deviceCommand(device, "activate", "activate this machine with the installed key")
    .option("--repin", "trust the server's current public keys again (after a key rotation)")
    .option("--account", "use a license of your account: approve a code in the browser, no key to type")
    .action((options: { repin?: boolean; account?: boolean }, command: Command) =>
      runDevice(io, command, async (ctx) => {
        const account = options.account === true;
        // A key first (a preinstalled one is found here): pinning a server's keys for nothing helps no one.
        const before = account
          ? undefined
          : await withSession(ctx, { pin: false }, ({ client }) => client.status());
        if (before?.state === "no_key" && before.problem) throw DeviceFailure.problem(before.problem);
        return withSession(ctx, { pin: true, repin: options.repin === true }, async (session) => {
          await session.readMachine();
          const result = account ? await byAccount(ctx, session.client) : await session.client.activate();
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

/** The device-code sign-in: the prompt goes to stderr with --json, so stdout stays one JSON document. */
const byAccount = (ctx: DeviceContext, client: NinshoClient) =>
  client.activateWithAccount({
    onCode: ({ verificationUriComplete, userCode, expiresAt }) => {
      const prompt = ctx.m.deviceCodePrompt(verificationUriComplete, userCode, when(expiresAt));
      if (ctx.json) ctx.io.stderr.write(`${prompt}\n`);
      else ctx.print(prompt);
    },
  });
