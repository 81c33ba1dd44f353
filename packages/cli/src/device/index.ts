import type { Command } from "commander";
import type { Io } from "../admin/io.js";
import { registerActivate } from "./commands/activate.js";
import { registerDeactivate } from "./commands/deactivate.js";
import { registerDoctor } from "./commands/doctor.js";
import { registerExpiry } from "./commands/expiry.js";
import { registerInstallKey } from "./commands/installKey.js";
import { registerUninstallKey } from "./commands/keyRemoval.js";
import { registerStatus } from "./commands/status.js";
import { registerTransfer } from "./commands/transfer.js";
import { registerOfflineDevice } from "./offline/index.js";

export { DeviceExitCode, deviceExitCodesHelp } from "./exit.js";

/**
 * Register `ninsho device …`, the end-user side for one machine (the equivalent of Windows' `slmgr`): install
 * a key, activate, status, expiry, uninstall the key, deactivate, transfer, and the doctor. Built on the SDK.
 * @example
 * registerDevice(program, defaultIo());
 */
export function registerDevice(program: Command, io: Io): void {
  const device = program
    .command("device")
    .description("this machine's license: install a key, activate, status, doctor (built on @ninsho/sdk)");
  registerInstallKey(device, io);
  registerActivate(device, io);
  registerStatus(device, io);
  registerExpiry(device, io);
  registerUninstallKey(device, io);
  registerDeactivate(device, io);
  registerTransfer(device, io);
  registerDoctor(device, io);
  registerOfflineDevice(device, io);
}
