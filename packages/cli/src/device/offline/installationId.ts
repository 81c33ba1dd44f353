import type { Command } from "commander";
import type { Io } from "../../admin/io.js";
import { deviceCommand, withSession } from "../command.js";
import { runDevice } from "../context.js";
import { DeviceFailure } from "../failure.js";
import { offlineMessagesFor } from "./messages.js";
import { readOfflineKey } from "./options.js";

const UNREACHABLE = new Set(["SERVER_UNREACHABLE", "SERVER_TIMEOUT", "SERVER_ERROR", "RESPONSE_INVALID"]);

/**
 * The groups numbered, three to a line, as a person reads them over the phone.
 * @example
 * numberedGroups(["100051", "726359", "594007"], (n) => `group ${n}`); // ["group 1  100051   group 2  726359   group 3  594007"]
 */
export function numberedGroups(groups: readonly string[], label: (n: number) => string): string[] {
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += 3) {
    lines.push(
      groups
        .slice(i, i + 3)
        .map((group, j) => `${label(i + j + 1).padStart(8)}  ${group}`)
        .join("   "),
    );
  }
  return lines;
}

/**
 * `ninsho device installation-id [--qr]`: this machine's installation ID for phone activation, grouped (nine
 * groups of six digits, each ending in a check digit), kept in the state folder so the confirmation is checked
 * against it. `--qr` draws a QR code of the phone page's link (`<server>/activate/phone#iid=…`) in the
 * terminal. A machine that never reaches the server needs the product's offline key (`--offline-key`).
 * @example
 * ninsho device installation-id --qr --offline-key ./offline-key.json
 */
export function registerInstallationId(device: Command, io: Io): void {
  deviceCommand(device, "installation-id", "this machine's installation ID, for phone activation (offline)")
    .option("--qr", "also draw a QR code of the phone-activation page's link, for a phone camera")
    .option("--base-url <url>", "where the phone-activation page is (default: the server)")
    .option("--offline-key <json>", "the product's offline key (JSON or a file; default: NINSHO_OFFLINE_KEY)")
    .action((options: { qr?: boolean; baseUrl?: string; offlineKey?: string }, command: Command) =>
      runDevice(io, command, async (ctx) => {
        const om = offlineMessagesFor(ctx.locale);
        const offline = await readOfflineKey(options.offlineKey, io.env, ctx.locale);
        // Without the offline key, the SDK takes it only as certified by the product's public keys: the
        // session pins those (the CLI's trust on first use, as `activate` does) when none are trusted yet.
        const mode = { pin: offline === undefined, ...(offline ? { offline } : {}) };
        const withHint = (failure: DeviceFailure) => {
          if (!UNREACHABLE.has(failure.body.code) || offline) return failure;
          const remedy = `${failure.body.remedy} ${om.offlineKeyHint}`;
          return new DeviceFailure(failure.exitCode, { ...failure.body, remedy });
        };
        return withSession(ctx, mode, async ({ client }) => {
          const baseUrl = options.baseUrl ?? ctx.config.url;
          const result = options.qr
            ? await client.installationIdQr({ baseUrl })
            : await client.installationId();
          if (!result.ok) throw withHint(DeviceFailure.problem(result.problem));
          const iid = "qr" in result ? result.qr.installationId : result.installationId;
          const qr = "qr" in result ? result.qr : undefined;
          if (ctx.json) {
            ctx.printJson({ installationId: iid, ...(qr ? { qr: { url: qr.url } } : {}) });
            return 0;
          }
          ctx.print(om.iidHeading(iid.date));
          ctx.print(`  ${iid.text}`);
          for (const line of numberedGroups(iid.groups, om.group)) ctx.print(line);
          if (qr) {
            ctx.print("");
            io.stdout.write(qr.terminal);
            ctx.print(om.qrHint(qr.url));
          }
          ctx.print(om.iidNext(ctx.config.productId));
          return 0;
        }).catch((error: unknown) => {
          throw error instanceof DeviceFailure ? withHint(error) : error;
        });
      }),
    );
}
