import { readFile } from "node:fs/promises";
import { type Reason, reason } from "@ninsho/core";
import { formatDuration } from "@ninsho/sdk";
import type { Command } from "commander";
import { when } from "../../admin/format.js";
import type { Io } from "../../admin/io.js";
import { deviceCommand, withSession } from "../command.js";
import { runDevice } from "../context.js";
import { DeviceExitCode } from "../exit.js";
import { DeviceFailure } from "../failure.js";
import { loadTrust } from "../trust.js";
import { offlineMessagesFor } from "./messages.js";
import { catalogueFailure } from "./options.js";

/**
 * `ninsho device install-file FILE`: install the license file made from this machine's request file. It is
 * verified — sealed to this machine when it asked so, signed by the product (the vendor's keys, or those
 * pinned at an earlier activation), answering one of this machine's requests, for this product and device —
 * and its lease installed as a normal lease. LICENSE_FILE_INVALID names what is wrong (exit 3; 2 when the
 * file cannot be read or no key can verify it).
 * @example
 * ninsho device install-file /media/usb/ninsho-license.jwe --public-key ./acme-jwks.json
 */
export function registerInstallFile(device: Command, io: Io): void {
  deviceCommand(device, "install-file <file>", "install a license file from USB activation (offline)").action(
    (file: string, _options: unknown, command: Command) =>
      runDevice(io, command, async (ctx) => {
        const om = offlineMessagesFor(ctx.locale);
        const refuse = (why: Reason) =>
          catalogueFailure(DeviceExitCode.usage, "LICENSE_FILE_INVALID", ctx.locale, { reason: why });
        let contents: string;
        try {
          contents = await readFile(file, "utf8");
        } catch (error) {
          const cause = error instanceof Error && "code" in error ? String(error.code) : String(error);
          throw refuse(reason("FILE_UNREADABLE", { cause }));
        }
        // The vendor's keys are kept in the folder (as an activation keeps them): the lease needs them later.
        const given = ctx.config.publicKeys !== undefined;
        if (!given && !(await loadTrust(ctx.config.dir))) throw refuse(reason("FILE_NO_KEYS"));
        return withSession(ctx, { pin: given }, async ({ client }) => {
          const result = await client.installLicenseFile(contents);
          if (!result.ok) throw DeviceFailure.problem(result.problem);
          const { licenseFile, status } = result;
          if (ctx.json) {
            ctx.printJson({ ok: true, licenseFile, status });
            return 0;
          }
          ctx.print(om.fileInstalled(licenseFile.deviceId, licenseFile.licenseId, licenseFile.sealed));
          const left = formatDuration(status.timeLeftMs ?? 0, ctx.locale);
          ctx.print(ctx.m.leaseLine(when(licenseFile.leaseExpiresAt), when(licenseFile.graceEndsAt), left));
          return 0;
        });
      }),
  );
}
