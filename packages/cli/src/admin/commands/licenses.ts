import type { LicenseDetail, LicenseEvent, LicenseQuery } from "@ninsho/contract";
import { describe, licenseStatuses, parseProductKey } from "@ninsho/core";
import { type Command, Option } from "commander";
import { adminCommand, type Context, run } from "../context.js";
import { CliError } from "../errors.js";
import { ExitCode } from "../exit.js";
import { table } from "../format.js";
import type { Io } from "../io.js";
import { printLicenseDetail } from "../licenseView.js";
import { positiveInt } from "../parse.js";
import { registerChannelActions } from "./channelActions.js";
import { registerLicenseActions } from "./licenseActions.js";

interface ListOptions {
  product?: string;
  policy?: string;
  status?: LicenseQuery["status"];
  email?: string;
  after?: string;
  limit?: number;
}

const PAGE = 1000;

/**
 * A license by id (`lic_…`) or by product key as a customer reads it out (any case, spaces, full-width).
 * A mistyped key is refused here, naming its group, before any request.
 * @example
 * await findLicense(ctx, "mkttw h86k2 pvj6m ct262 34t79");
 */
export async function findLicense(ctx: Context, ref: string): Promise<LicenseDetail> {
  const parsed = parseProductKey(ref);
  if (parsed.ok) return ctx.api.lookupLicense(parsed.value);
  if (/^lic_/i.test(ref.trim())) return ctx.api.getLicense(ref.trim());
  const { code, params, details } = parsed.error;
  const text = describe(code, ctx.locale, params);
  throw new CliError(ExitCode.usage, { code, ...text, ...(details === undefined ? {} : { details }) });
}

/** Every event of a license, oldest first, page by page. */
async function wholeTimeline(ctx: Context, id: string): Promise<LicenseEvent[]> {
  const events: LicenseEvent[] = [];
  for (let after: string | undefined; ; ) {
    const page = await ctx.api.timeline(id, { limit: PAGE, ...(after === undefined ? {} : { after }) });
    events.push(...page.events);
    after = page.events.at(-1)?.id;
    if (page.events.length < PAGE || after === undefined) return events;
  }
}

/**
 * `ninsho licenses list|show|key` and the actions (suspend, reinstate, revoke, extend, owner).
 * @example
 * ninsho licenses list --policy pol_… --status active
 * ninsho licenses show MKTTW-H86K2-PVJ6M-CT262-34T79
 */
export function registerLicenses(program: Command, io: Io): void {
  const licenses = program.command("licenses").description("find, inspect and change licenses");

  adminCommand(licenses, "list", "list licenses (a page at a time, 100 by default)")
    .option("--product <id>", "only this product's")
    .option("--policy <id>", "only this policy's")
    .addOption(new Option("--status <status>", "only in this status").choices(licenseStatuses))
    .option("--email <email>", "only this owner's")
    .option("--after <id>", "the page after this license id")
    .option("--limit <n>", "licenses per page (at most 1000)", positiveInt)
    .action((_options: unknown, command: Command) =>
      run<ListOptions>(io, command, async (ctx, o) => {
        const query: LicenseQuery = {
          ...(o.product === undefined ? {} : { productId: o.product }),
          ...(o.policy === undefined ? {} : { policyId: o.policy }),
          ...(o.status === undefined ? {} : { status: o.status }),
          ...(o.email === undefined ? {} : { email: o.email }),
          ...(o.after === undefined ? {} : { after: o.after }),
          ...(o.limit === undefined ? {} : { limit: o.limit }),
        };
        const answer = await ctx.api.listLicenses(query);
        if (ctx.json) return ctx.printJson(answer);
        const { label } = ctx;
        const headers = [label("id"), label("state"), label("keyHint"), label("owner"), label("policy")];
        const rows = answer.licenses.map((l) => [l.id, l.state, l.keyHint, l.ownerEmail ?? "", l.policyId]);
        for (const text of table(headers, rows)) ctx.print(text);
        const last = answer.licenses.at(-1);
        if (last !== undefined && answer.licenses.length === (o.limit ?? 100))
          ctx.print(ctx.m.morePages(last.id));
      }),
    );

  adminCommand(
    licenses,
    "show <id-or-key>",
    "show a license (by id or product key), its devices and timeline",
  ).action((ref: string, _options: unknown, command: Command) =>
    run(io, command, async (ctx) => {
      const detail = await findLicense(ctx, ref);
      const events = await wholeTimeline(ctx, detail.id);
      if (ctx.json) return ctx.printJson({ ...detail, timeline: events });
      printLicenseDetail(ctx, detail, events);
    }),
  );

  adminCommand(licenses, "key <id>", "reveal a license's product key (admin role)").action(
    (id: string, _options: unknown, command: Command) =>
      run(io, command, async (ctx) => {
        const answer = await ctx.api.revealKey(id);
        if (ctx.json) return ctx.printJson(answer);
        ctx.print(answer.key);
      }),
  );

  registerLicenseActions(licenses, io);
  registerChannelActions(licenses, io);
}
