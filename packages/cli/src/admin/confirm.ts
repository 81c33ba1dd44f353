import type { Context } from "./context.js";
import { CliError } from "./errors.js";
import { ExitCode } from "./exit.js";

/** The option every destructive admin command takes. */
export const YES = ["--yes", "confirm an action that cannot be undone"] as const;

/**
 * Refuse a destructive action unless `--yes` was given (exit 2, CONFIRMATION_REQUIRED): a mistyped id or a
 * command pasted from a history never revokes, archives or deletes by accident, in a script or at a prompt.
 * @example
 * requireYes(ctx, options.yes, `ninsho licenses revoke ${id}`);
 */
export function requireYes(ctx: Context, yes: boolean | undefined, action: string): void {
  if (yes !== true) throw CliError.of(ExitCode.usage, "CONFIRMATION_REQUIRED", ctx.locale, { action });
}
