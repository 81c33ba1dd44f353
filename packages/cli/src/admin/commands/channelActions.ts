import type { Command } from "commander";
import { adminCommand, run } from "../context.js";
import type { Io } from "../io.js";
import { printLicense } from "../licenseView.js";

const REASON = ["--reason <text>", "why, for the license's timeline"] as const;

/** Repeatable option values gathered into a list. */
const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * `ninsho licenses warranty-repair|entitlements`: a warranty repair lets an OEM or bundle license move to the
 * repaired machine's new part once (support role); entitlements add or remove features of one license.
 * @example
 * ninsho admin licenses warranty-repair lic_… --reason "board replaced under warranty, RMA 4411"
 * ninsho admin licenses entitlements lic_… --add export --remove beta --reason "bought the export add-on"
 */
export function registerChannelActions(licenses: Command, io: Io): void {
  adminCommand(
    licenses,
    "warranty-repair <id>",
    "record a warranty repair: an OEM or bundle license moves to the repaired machine's new part once (support role)",
  )
    .requiredOption(...REASON)
    .action((id: string, _options: unknown, command: Command) =>
      run<{ reason: string }>(io, command, async (ctx, { reason }) => {
        const license = await ctx.api.warrantyRepair(id, reason);
        if (ctx.json) return ctx.printJson(license);
        printLicense(ctx, license);
      }),
    );

  adminCommand(
    licenses,
    "entitlements <id>",
    "add features to a license or remove them, on top of its policy's",
  )
    .option("--add <feature>", "a feature to grant (repeatable)", collect)
    .option("--remove <feature>", "a feature to withdraw (repeatable)", collect)
    .requiredOption(...REASON)
    .action((id: string, _options: unknown, command: Command) =>
      run<{ add?: string[]; remove?: string[]; reason: string }>(io, command, async (ctx, o) => {
        const change = { add: o.add ?? [], remove: o.remove ?? [] };
        const license = await ctx.api.entitlements(id, change, o.reason);
        if (ctx.json) return ctx.printJson(license);
        printLicense(ctx, license);
      }),
    );
}
