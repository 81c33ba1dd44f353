import type { Command } from "commander";
import { registerAdminChanges } from "./commands/changes.js";
import { registerDevices } from "./commands/devices.js";
import { registerKeys } from "./commands/keys.js";
import { registerLicenses } from "./commands/licenses.js";
import { registerPolicies } from "./commands/policies.js";
import { registerProducts } from "./commands/products.js";
import { registerRelayAdmin } from "./commands/relay.js";
import { registerSupportRequests } from "./commands/supportRequests.js";
import { registerTokens } from "./commands/tokens.js";
import { registerWebhooks } from "./commands/webhooks.js";
import { finishAdminCommands } from "./context.js";
import type { Io } from "./io.js";

export { ExitCode, ExitError, exitCodesHelp } from "./exit.js";
export { defaultIo, type Io } from "./io.js";

/**
 * Register the admin side of `ninsho`, which drives the admin API over HTTP: products, policies, keys,
 * licenses, devices, tokens, whoami, volume grants and usage reports.
 * @example
 * registerAdmin(program, defaultIo());
 */
export function registerAdmin(program: Command, io: Io): void {
  registerProducts(program, io);
  registerPolicies(program, io);
  registerKeys(program, io);
  registerLicenses(program, io);
  registerDevices(program, io);
  registerTokens(program, io);
  registerRelayAdmin(program, io);
  registerAdminChanges(program, io);
  registerWebhooks(program, io);
  registerSupportRequests(program, io);
  finishAdminCommands(program);
}
