import type { Command } from "commander";
import { DEFAULT_URL } from "../admin/context.js";
import type { DeviceContext } from "./context.js";
import { deviceExitCodesHelp } from "./exit.js";
import { type DeviceSession, openSession, type SessionMode } from "./session.js";

/**
 * Add a device subcommand with the options every device command takes, and the exit codes in its help.
 * @example
 * deviceCommand(device, "expiry", "when the lease, the grace period and the license end").action(…);
 */
export function deviceCommand(parent: Command, nameAndArgs: string, description: string): Command {
  return parent
    .command(nameAndArgs)
    .description(description)
    .option("--url <url>", `activation server (default: NINSHO_URL, else the folder's, else ${DEFAULT_URL})`)
    .option(
      "--dir <dir>",
      "the device's state folder (default: NINSHO_DEVICE_DIR, else per user and product)",
    )
    .option("--product <id>", "product id prd_… (default: NINSHO_PRODUCT, else the folder's)")
    .option(
      "--public-key <keys>",
      "vendor's public keys: JWKS/JWK/PEM, inline or a file (default: NINSHO_PUBLIC_KEYS)",
    )
    .option(
      "--salt <salt>",
      "the product's fingerprint salt the vendor ships (default: NINSHO_SALT, else the folder's)",
    )
    .option("--key-file <path>", "where a preinstalled key may be (default: NINSHO_KEY_FILE)")
    .option("--json", "print JSON on stdout (errors as JSON on stderr)")
    .addHelpText("after", deviceExitCodesHelp());
}

/**
 * Open a session, run `use`, and always close the session (its writes finish, the folder's settings are kept).
 * @example
 * const status = await withSession(ctx, { pin: false }, (session) => session.client.status());
 */
export async function withSession<T>(
  ctx: DeviceContext,
  mode: SessionMode,
  use: (session: DeviceSession) => Promise<T>,
): Promise<T> {
  const session = await openSession(ctx, mode);
  try {
    return await use(session);
  } finally {
    await session.close();
  }
}
