import type { Command } from "commander";
import type { Io } from "../../admin/io.js";
import { registerConfirm } from "./confirm.js";
import { registerInstallationId } from "./installationId.js";
import { registerInstallFile } from "./installFile.js";
import { registerRequestFile } from "./requestFile.js";

export { OFFLINE_KEY_ENV } from "./options.js";

/**
 * Register the offline activation commands of `ninsho device`: by phone (`installation-id [--qr]`, `confirm`)
 * and by USB (`request-file`, `install-file`).
 * @example
 * registerOfflineDevice(device, io);
 */
export function registerOfflineDevice(device: Command, io: Io): void {
  registerInstallationId(device, io);
  registerConfirm(device, io);
  registerRequestFile(device, io);
  registerInstallFile(device, io);
}
