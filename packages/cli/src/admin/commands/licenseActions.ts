import type { AdminLicense } from "@ninsho/contract";
import type { Command } from "commander";
import type { StatusAction } from "../api.js";
import { requireYes, YES } from "../confirm.js";
import { adminCommand, type Context, run } from "../context.js";
import { CliError } from "../errors.js";
import { ExitCode } from "../exit.js";
import type { Io } from "../io.js";
import { printLicense } from "../licenseView.js";
import { instant } from "../parse.js";

const STATUS_ACTIONS: readonly { action: StatusAction; description: string }[] = [
  { action: "suspend", description: "suspend a license: its devices stop validating (reversible)" },
  { action: "reinstate", description: "reinstate a suspended license" },
  { action: "revoke", description: "revoke a license for good" },
];

const REASON = ["--reason <text>", "why, for the license's timeline"] as const;

/** Print the license after a change: its JSON, or a sentence and its fields. */
function printChanged(ctx: Context, license: AdminLicense): void {
  if (ctx.json) {
    ctx.printJson(license);
  } else {
    ctx.print(ctx.m.licenseNow(license.id, license.state));
    printLicense(ctx, license);
  }
}

/**
 * `ninsho licenses suspend|reinstate|revoke|extend|owner`: every change needs a reason, which the timeline keeps.
 * @example
 * ninsho licenses suspend lic_… --reason "chargeback"
 * ninsho licenses revoke lic_… --reason "refund" --yes
 * ninsho licenses extend lic_… --until 2027-12-31 --reason "renewal"
 * ninsho licenses owner lic_… --email new@example.com --reason "company sold"
 */
export function registerLicenseActions(licenses: Command, io: Io): void {
  for (const { action, description } of STATUS_ACTIONS) {
    const cmd = adminCommand(licenses, `${action} <id>`, description).requiredOption(...REASON);
    if (action === "revoke") cmd.option(...YES);
    cmd.action((id: string, _options: unknown, command: Command) =>
      run<{ reason: string; yes?: boolean }>(io, command, async (ctx, { reason, yes }) => {
        if (action === "revoke") requireYes(ctx, yes, `ninsho licenses revoke ${id}`);
        printChanged(ctx, await ctx.api.licenseAction(id, action, reason));
      }),
    );
  }

  adminCommand(
    licenses,
    "extend <id>",
    "set when a license expires: a later date, or never (support role: up to 30 days more, once in 30 days)",
  )
    .option("--until <date>", "the new expiry: a date (2027-12-31, 00:00 UTC) or an ISO time", instant)
    .option("--never", "make the license perpetual")
    .requiredOption(...REASON)
    .action((id: string, _options: unknown, command: Command) =>
      run<{ until?: string; never?: boolean; reason: string }>(io, command, async (ctx, options) => {
        if ((options.until === undefined) === (options.never !== true)) {
          throw CliError.of(ExitCode.usage, "EXTEND_CHOICE", ctx.locale);
        }
        const expiresAt = options.never === true ? null : (options.until ?? null);
        printChanged(ctx, await ctx.api.extend(id, expiresAt, options.reason));
      }),
    );

  adminCommand(licenses, "owner <id>", "reassign a license to another owner account (support role)")
    .requiredOption("--email <email>", "the new owner's email")
    .requiredOption(...REASON)
    .action((id: string, _options: unknown, command: Command) =>
      run<{ email: string; reason: string }>(io, command, async (ctx, { email, reason }) =>
        printChanged(ctx, await ctx.api.reassignOwner(id, email, reason)),
      ),
    );
}
