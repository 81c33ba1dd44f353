import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { RelayRequestFileSchema } from "@ninsho/contract";
import type { Command } from "commander";
import { wholeNumber } from "../../commands/local.js";
import { cliText } from "../../i18n/index.js";
import { adminCommand, run } from "../context.js";
import { CliError } from "../errors.js";
import { ExitCode } from "../exit.js";
import type { Io } from "../io.js";

interface IssueOptions {
  readonly license: string;
  readonly request: string;
  readonly customer: string;
  readonly expires: string;
  readonly notBefore?: string;
  readonly maxDevices?: number;
  readonly renewDays?: number;
  readonly offlineDays?: number;
  readonly out: string;
}

/**
 * `ninsho grants issue` (a volume grant for a customer's relay, written to a file) and `ninsho usage-reports
 * import` (the relay's signed report, into the license's timeline). See docs/relay.md.
 * @example
 * ninsho grants issue --license lic_… --request relay-request.json --customer "Plant 4" --expires 2027-12-01 --out plant4.grant
 * ninsho usage-reports import usage.json
 */
export function registerRelayAdmin(program: Command, io: Io): void {
  const grants = program.command("grants").description("volume grants for on-premises relays (admin role)");
  adminCommand(grants, "issue", "sign a volume grant for a relay's request file and write it to --out")
    .requiredOption("--license <id>", "the customer's volume license")
    .requiredOption("--request <file>", "the relay's request file (ninsho relay init)")
    .requiredOption("--customer <name>", "the customer, as the grant and the relay's admin page name them")
    .requiredOption("--expires <instant>", "when the grant ends (ISO date or instant)")
    .option("--not-before <instant>", "when the grant starts (default: now)")
    .option(
      "--max-devices <n>",
      "devices the relay may admit (default: the policy's)",
      wholeNumber("--max-devices", 1, 1_000_000),
    )
    .option("--renew-days <n>", "days between renewals (default 7)", wholeNumber("--renew-days", 1, 90))
    .option(
      "--offline-days <n>",
      "days a device runs without the relay (default 30)",
      wholeNumber("--offline-days", 1, 365),
    )
    .requiredOption("--out <file>", "the grant file to write (must not exist)")
    .action((_options: unknown, command: Command) =>
      run<IssueOptions>(io, command, async (ctx, options) => {
        const request = RelayRequestFileSchema.safeParse(readJson(resolve(options.request)));
        if (!request.success)
          throw CliError.of(ExitCode.usage, "VALIDATION_FAILED", ctx.locale, {
            issues: `${options.request}: not a relay request file (ninsho relay init writes one)`,
          });
        const iso = (value: string) => new Date(value).toISOString();
        const grant = await ctx.api.issueVolumeGrant({
          licenseId: options.license,
          relayKey: request.data.relayKey,
          customer: options.customer,
          expiresAt: iso(options.expires),
          ...(options.notBefore === undefined ? {} : { notBefore: iso(options.notBefore) }),
          ...(options.maxDevices === undefined ? {} : { maxDevices: options.maxDevices }),
          ...(options.renewDays === undefined ? {} : { renewDays: options.renewDays }),
          ...(options.offlineDays === undefined ? {} : { offlineDays: options.offlineDays }),
        });
        const out = resolve(options.out);
        try {
          writeFileSync(out, `${grant.grant}\n`, { flag: "wx" });
        } catch (error) {
          if ((error as { code?: unknown }).code === "EEXIST")
            throw CliError.of(ExitCode.usage, "OUTPUT_EXISTS", ctx.locale, { path: out });
          throw error;
        }
        if (ctx.json) return ctx.printJson(grant);
        ctx.print(cliText(ctx.locale)("admin.grantIssued", { ...grant, out }));
      }),
    );

  const reports = program
    .command("usage-reports")
    .description("usage reports of on-premises relays (admin role)");
  adminCommand(
    reports,
    "import <file>",
    "verify a relay's signed usage report and add it to the license's timeline",
  ).action((file: string, _options: unknown, command: Command) =>
    run(io, command, async (ctx) => {
      const imported = await ctx.api.importUsageReport(readFileSync(resolve(file), "utf8"));
      if (ctx.json) return ctx.printJson(imported);
      ctx.print(
        cliText(ctx.locale)("admin.reportImported", { ...imported, imported: String(imported.imported) }),
      );
    }),
  );
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}
