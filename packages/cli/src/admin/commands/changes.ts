import { AuditListSchema, LicenseSchema, PolicySchema, ProductSchema, type Schema } from "@ninsho/contract";
import type { Command } from "commander";
import { requireYes, YES } from "../confirm.js";
import { adminCommand, type Context, run } from "../context.js";
import { fields, table, when } from "../format.js";
import type { Io } from "../io.js";
import { printLicense } from "../licenseView.js";
import { duration, positiveInt, weights, wholeNumber } from "../parse.js";
import { printPolicy } from "./policies.js";
import { type TransferOptions, transferInput, transferOptions } from "./transferOptions.js";

const REASON = ["--reason <text>", "why, for the audit log and the timeline"] as const;
const enc = encodeURIComponent;

/** The group command `name` registered earlier (products, policies, licenses). */
function group(program: Command, name: string): Command {
  const found = program.commands.find((c) => c.name() === name);
  if (!found) throw new Error(`no command group ${name}`);
  return found;
}

/** An override value: a number, or `policy` to follow the policy again (commander turns a null into ""). */
const overrideOf =
  (parse: (text: string) => number) =>
  (text: string): number | "policy" =>
    text === "policy" ? "policy" : parse(text);

/** The API's value of an override option: `null` clears it. */
const overrideValue = (value: number | "policy") => (value === "policy" ? null : value);

/**
 * Edits of what an admin made: `policies update|archive|restore`, `products rename|phone-features|archive|restore`,
 * `licenses move|override|note`, and `ninsho audit`. Destructive ones (archive) need `--yes`.
 * @example
 * ninsho policies update pol_… --max-devices 3 --reason "three machines per license from 2027"
 * ninsho policies update pol_… --transfers-per-year 1 --transfer-cooldown 90d --reason "fewer moves"
 * ninsho licenses override lic_… --max-devices 5 --reason "bought two more"
 * ninsho products phone-features prd_… --feature export print --reason "print by phone"
 * ninsho audit --target lic_…
 */
export function registerAdminChanges(program: Command, io: Io): void {
  const policies = group(program, "policies");
  const transfer = transferOptions();
  adminCommand(policies, "update <id>", "edit a policy; its licenses follow from their next lease")
    .option("--name <name>", "a new name")
    .option("--max-devices <n>", "devices that may be activated at once", positiveInt)
    .option("--lease <duration>", "how long a device runs offline on one lease (e.g. 7d)", duration)
    .option("--grace <duration>", "how long it keeps running after the lease ends", duration)
    .option("--weights <list>", "component weights, e.g. board=30,disk=20", weights)
    .addOption(transfer.allow)
    .addOption(transfer.forbid)
    .addOption(transfer.perYear)
    .addOption(transfer.cooldown)
    .option("--entitlement <names...>", "the feature flags, replacing the current ones")
    .requiredOption(...REASON)
    .action((id: string, _options: unknown, command: Command) =>
      run<
        {
          name?: string;
          maxDevices?: number;
          lease?: number;
          grace?: number;
          weights?: Record<string, number>;
          entitlement?: string[];
          reason: string;
        } & TransferOptions
      >(io, command, async (ctx, o) => {
        const body = {
          ...(o.name === undefined ? {} : { name: o.name }),
          ...(o.maxDevices === undefined ? {} : { maxDevices: o.maxDevices }),
          ...(o.lease === undefined ? {} : { leaseSeconds: o.lease }),
          ...(o.grace === undefined ? {} : { graceSeconds: o.grace }),
          ...(o.weights === undefined ? {} : { componentWeights: o.weights }),
          ...transferInput(o, command, ctx.locale),
          ...(o.entitlement === undefined ? {} : { entitlements: o.entitlement }),
          reason: o.reason,
        };
        const policy = await ctx.api.http.json(PolicySchema, "PATCH", `/v1/admin/policies/${enc(id)}`, {
          body,
        });
        return ctx.json ? ctx.printJson(policy) : printPolicy(ctx, policy);
      }),
    );
  archiveCommands(io, policies, "policies", PolicySchema, (ctx, policy) => printPolicy(ctx, policy));

  const products = group(program, "products");
  adminCommand(products, "rename <id>", "rename a product")
    .requiredOption("--name <name>", "the new name")
    .requiredOption(...REASON)
    .action((id: string, _options: unknown, command: Command) =>
      run<{ name: string; reason: string }>(io, command, async (ctx, { name, reason }) => {
        const body = { name, reason };
        const product = await ctx.api.http.json(ProductSchema, "PATCH", `/v1/admin/products/${enc(id)}`, {
          body,
        });
        return ctx.json ? ctx.printJson(product) : printProduct(ctx, product);
      }),
    );
  adminCommand(
    products,
    "phone-features <id>",
    "set the features a phone confirmation carries, in order (only ever appended to)",
  )
    .requiredOption("--feature <names...>", "the whole list: the current one first, new ones after it")
    .requiredOption(...REASON)
    .action((id: string, _options: unknown, command: Command) =>
      run<{ feature: string[]; reason: string }>(io, command, async (ctx, { feature, reason }) => {
        const body = { phoneFeatures: feature, reason };
        const product = await ctx.api.http.json(ProductSchema, "PATCH", `/v1/admin/products/${enc(id)}`, {
          body,
        });
        return ctx.json ? ctx.printJson(product) : printProduct(ctx, product);
      }),
    );
  archiveCommands(io, products, "products", ProductSchema, printProduct);

  const licenses = group(program, "licenses");
  adminCommand(licenses, "move <id>", "move a license to another policy of its product")
    .requiredOption("--policy <id>", "the policy (pol_…)")
    .requiredOption(...REASON)
    .action((id: string, _options: unknown, command: Command) =>
      run<{ policy: string; reason: string }>(io, command, async (ctx, { policy, reason }) => {
        const body = { policyId: policy, reason };
        const license = await ctx.api.http.json(
          LicenseSchema,
          "POST",
          `/v1/admin/licenses/${enc(id)}/policy`,
          {
            body,
          },
        );
        return ctx.json ? ctx.printJson(license) : printLicense(ctx, license);
      }),
    );

  adminCommand(
    licenses,
    "override <id>",
    "set this license's own limits (a number, or `policy` to follow it)",
  )
    .option("--max-devices <n|policy>", "devices at once for this license", overrideOf(positiveInt))
    .option(
      "--transfers-per-year <n|policy>",
      "self-service transfers in any 365 days",
      overrideOf(wholeNumber),
    )
    .requiredOption(...REASON)
    .action((id: string, _options: unknown, command: Command) =>
      run<{ maxDevices?: number | "policy"; transfersPerYear?: number | "policy"; reason: string }>(
        io,
        command,
        async (ctx, o) => {
          const body = {
            ...(o.maxDevices === undefined ? {} : { maxDevices: overrideValue(o.maxDevices) }),
            ...(o.transfersPerYear === undefined
              ? {}
              : { transfersPerYear: overrideValue(o.transfersPerYear) }),
            reason: o.reason,
          };
          const path = `/v1/admin/licenses/${enc(id)}/overrides`;
          const license = await ctx.api.http.json(LicenseSchema, "PATCH", path, { body });
          return ctx.json ? ctx.printJson(license) : printLicense(ctx, license);
        },
      ),
    );

  adminCommand(licenses, "note <id>", "add a note for staff to a license's timeline (support role)")
    .requiredOption("--text <text>", "the note")
    .action((id: string, _options: unknown, command: Command) =>
      run<{ text: string }>(io, command, async (ctx, { text }) => {
        const path = `/v1/admin/licenses/${enc(id)}/notes`;
        const license = await ctx.api.http.json(LicenseSchema, "POST", path, { body: { text } });
        return ctx.json ? ctx.printJson(license) : printLicense(ctx, license);
      }),
    );

  adminCommand(program, "audit", "read the audit log: who did what to what, and why (admin role)")
    .option("--target <id>", "only entries about this id (pol_…, lic_…, tok_…, prd_…, whk_…)")
    .option("--type <type>", "only entries of this type (e.g. token.revoked)")
    .option("--limit <n>", "at most this many", positiveInt)
    .action((_options: unknown, command: Command) =>
      run<{ target?: string; type?: string; limit?: number }>(io, command, async (ctx, o) => {
        const query = { target: o.target, type: o.type, limit: o.limit };
        const answer = await ctx.api.http.json(AuditListSchema, "GET", "/v1/admin/audit", { query });
        if (ctx.json) return ctx.printJson(answer);
        const rows = answer.entries.map((e) => [
          when(e.createdAt),
          e.type,
          e.actor,
          e.target ?? "",
          e.reason ?? "",
        ]);
        for (const text of table(["Time", "Type", "Actor", "Target", "Reason"], rows)) ctx.print(text);
      }),
    );
}

/** `<group> archive <id> --reason … --yes` and `<group> restore <id> --reason …`. */
function archiveCommands<T>(
  io: Io,
  parent: Command,
  noun: "policies" | "products",
  schema: Schema<T>,
  print: (ctx: Context, value: T) => void,
): void {
  for (const archive of [true, false]) {
    const action = archive ? "archive" : "restore";
    const cmd = adminCommand(
      parent,
      `${action} <id>`,
      archive
        ? "archive: existing licenses keep working, nothing new is made under it"
        : "restore an archived one",
    ).requiredOption(...REASON);
    if (archive) cmd.option(...YES);
    cmd.action((id: string, _options: unknown, command: Command) =>
      run<{ reason: string; yes?: boolean }>(io, command, async (ctx, { reason, yes }) => {
        if (archive) requireYes(ctx, yes, `ninsho ${noun} archive ${id}`);
        const value = await ctx.api.http.json(schema, "POST", `/v1/admin/${noun}/${enc(id)}/${action}`, {
          body: { reason },
        });
        return ctx.json ? ctx.printJson(value) : print(ctx, value);
      }),
    );
  }
}

function printProduct(
  ctx: Context,
  product: {
    id: string;
    name: string;
    createdAt: string;
    archivedAt?: string | undefined;
    phoneFeatures?: string[] | undefined;
  },
) {
  const { label } = ctx;
  for (const text of fields([
    [label("id"), product.id],
    [label("name"), product.name],
    [label("created"), when(product.createdAt)],
    [label("phoneFeatures"), product.phoneFeatures?.join(", ")],
  ])) {
    ctx.print(text);
  }
  if (product.archivedAt !== undefined) ctx.print(`archivedAt ${product.archivedAt}`);
}
