import type { Policy, PolicyInput } from "@ninsho/contract";
import type { ExpiryRule } from "@ninsho/core";
import { type Command, Option } from "commander";
import { adminCommand, type Context, run } from "../context.js";
import { formatDuration } from "../duration.js";
import { fields, table, when } from "../format.js";
import type { Io } from "../io.js";
import { duration, expiry, fraction, positiveInt, weights } from "../parse.js";
import { type SeatOptions, seatFields, seatInput, seatOptions } from "./seatOptions.js";
import { type TransferOptions, transferFields, transferInput, transferOptions } from "./transferOptions.js";

/** The channels a policy can be created with from the CLI (upgrade rules come later). */
const CHANNELS = ["retail", "oem", "volume", "subscription", "trial", "floating", "workload"] as const;

interface CreateOptions extends SeatOptions, TransferOptions {
  product: string;
  name: string;
  channel: (typeof CHANNELS)[number];
  maxDevices?: number;
  lease?: number;
  grace?: number;
  expires?: ExpiryRule;
  threshold?: number;
  weights?: Record<string, number>;
  entitlement?: string[];
}

/** The request body from the options: only what was given, so the server's defaults apply to the rest. */
function policyInput(o: CreateOptions): PolicyInput {
  return {
    productId: o.product,
    name: o.name,
    channel: o.channel,
    ...(o.maxDevices === undefined ? {} : { maxDevices: o.maxDevices }),
    ...(o.lease === undefined ? {} : { leaseSeconds: o.lease }),
    ...(o.grace === undefined ? {} : { graceSeconds: o.grace }),
    ...(o.expires === undefined ? {} : { expiry: o.expires }),
    ...(o.threshold === undefined ? {} : { matchThreshold: o.threshold }),
    ...(o.weights === undefined ? {} : { componentWeights: o.weights }),
    ...(o.entitlement === undefined ? {} : { entitlements: o.entitlement }),
  };
}

/**
 * `ninsho policies create|list|show`.
 * @example
 * ninsho policies create --product prd_… --name "Retail, 2 PCs" --channel retail --max-devices 2 --lease 7d \
 *   --transfers-per-year 2 --transfer-cooldown 30d
 * ninsho policies create --product prd_… --name "Team, 20 seats" --channel floating --seats 20 \
 *   --heartbeat-timeout 2m --overage 10%/24h --borrow-max-days 14
 * ninsho policies list --product prd_…
 */
export function registerPolicies(program: Command, io: Io): void {
  const policies = program
    .command("policies")
    .description("create, list and show policies (license templates)");
  const seat = seatOptions();
  const transfer = transferOptions();

  adminCommand(policies, "create", "create a policy; options left out take the server's defaults")
    .requiredOption("--product <id>", "the product (prd_…)")
    .requiredOption("--name <name>", "the policy's name")
    .addOption(
      new Option("--channel <channel>", "how licenses are sold").choices(CHANNELS).makeOptionMandatory(),
    )
    .option("--max-devices <n>", "devices that may be activated at once", positiveInt)
    .option("--lease <duration>", "how long a device runs offline on one lease (e.g. 7d)", duration)
    .option("--grace <duration>", "how long it keeps running after the lease ends (e.g. 14d, or 0)", duration)
    .option(
      "--expires <when>",
      "none, a date (2027-01-01, 00:00 UTC) or a span from first activation (365d)",
      expiry,
    )
    .option(
      "--threshold <share>",
      "share of component weight that must match to be the same device",
      fraction,
    )
    .option("--weights <list>", "component weights, e.g. board=30,disk=20", weights)
    .addOption(transfer.allow)
    .addOption(transfer.forbid)
    .addOption(transfer.perYear)
    .addOption(transfer.cooldown)
    .option("--entitlement <names...>", "feature flags carried in every lease (repeatable)")
    .addOption(seat.seats)
    .addOption(seat.heartbeatTimeout)
    .addOption(seat.overage)
    .addOption(seat.borrowMaxDays)
    .action((_options: unknown, command: Command) =>
      run<CreateOptions>(io, command, async (ctx, options) => {
        const seats = seatInput(options.channel, options, command, ctx.locale);
        const transfers = transferInput(options, command, ctx.locale);
        const policy = await ctx.api.createPolicy({ ...policyInput(options), ...transfers, ...seats });
        if (ctx.json) return ctx.printJson(policy);
        ctx.print(ctx.m.created("policy", policy.id));
        printPolicy(ctx, policy);
      }),
    );

  adminCommand(policies, "list", "list policies, all or of one product")
    .option("--product <id>", "only this product's policies")
    .action((_options: unknown, command: Command) =>
      run<{ product?: string }>(io, command, async (ctx, { product }) => {
        const answer = await ctx.api.listPolicies(product);
        if (ctx.json) return ctx.printJson(answer);
        const { label } = ctx;
        const headers = [label("id"), label("product"), label("channel"), label("maxDevices"), label("name")];
        const rows = answer.policies.map((p) => [p.id, p.productId, p.channel, String(p.maxDevices), p.name]);
        for (const text of table(headers, rows)) ctx.print(text);
      }),
    );

  adminCommand(policies, "show <id>", "show a policy").action(
    (id: string, _options: unknown, command: Command) =>
      run(io, command, async (ctx) => {
        const policy = await ctx.api.getPolicy(id);
        if (ctx.json) return ctx.printJson(policy);
        printPolicy(ctx, policy);
      }),
  );
}

/**
 * A policy, field by field, in the user's language.
 * @example
 * printPolicy(ctx, await ctx.api.getPolicy("pol_…"));
 */
export function printPolicy(ctx: Context, policy: Policy): void {
  const { label } = ctx;
  const expiryText =
    policy.expiry.kind === "none"
      ? label("never")
      : policy.expiry.kind === "fixed"
        ? when(policy.expiry.at)
        : `${formatDuration(policy.expiry.seconds)} ${label("afterFirstActivation")}`;
  const weightText = Object.entries(policy.componentWeights)
    .map(([kind, weight]) => `${kind}=${weight}`)
    .join(",");
  const lines = fields([
    [label("id"), policy.id],
    [label("name"), policy.name],
    [label("product"), policy.productId],
    [label("channel"), policy.channel],
    [label("maxDevices"), String(policy.maxDevices)],
    [label("lease"), formatDuration(policy.leaseSeconds)],
    [label("grace"), formatDuration(policy.graceSeconds)],
    [label("expiry"), expiryText],
    [label("threshold"), String(policy.matchThreshold)],
    [label("weights"), weightText || label("none")],
    ...transferFields(policy, label),
    [label("entitlements"), policy.entitlements.join(", ") || label("none")],
    ...seatFields(policy, label),
    [label("created"), when(policy.createdAt)],
  ]);
  for (const text of lines) ctx.print(text);
}
