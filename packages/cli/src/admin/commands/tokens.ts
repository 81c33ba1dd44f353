import { roles } from "@ninsho/core";
import { type Command, Option } from "commander";
import { registerTokensRecover } from "../../commands/tokensRecover.js";
import { requireYes, YES } from "../confirm.js";
import { adminCommand, run } from "../context.js";
import { fields, table, when } from "../format.js";
import type { Io } from "../io.js";

/**
 * `ninsho tokens create|list|revoke|recover` and `ninsho whoami`.
 * @example
 * ninsho tokens create --name "support desk" --role support
 * ninsho tokens revoke tok_… --reason "laptop lost" --yes
 * ninsho whoami
 */
export function registerTokens(program: Command, io: Io): void {
  const tokens = program.command("tokens").description("manage admin API tokens (admin role)");
  registerTokensRecover(tokens, io);

  adminCommand(tokens, "create", "create a token; it is shown once, only its digest is stored")
    .requiredOption("--name <name>", "what the token is for")
    .addOption(
      new Option("--role <role>", "admin: everything; support: read, deactivate, reassign; readonly: read")
        .choices(roles)
        .makeOptionMandatory(),
    )
    .action((_options: unknown, command: Command) =>
      run<{ name: string; role: (typeof roles)[number] }>(io, command, async (ctx, { name, role }) => {
        const created = await ctx.api.createToken(name, role);
        if (ctx.json) return ctx.printJson(created);
        const { label } = ctx;
        ctx.print(created.token);
        for (const text of fields([
          [label("id"), created.id],
          [label("name"), created.name],
          [label("role"), created.role],
        ])) {
          ctx.print(text);
        }
        ctx.io.stderr.write(`${ctx.m.tokenShownOnce}\n`);
      }),
    );

  adminCommand(tokens, "list", "list tokens (never the tokens themselves)").action(
    (_options: unknown, command: Command) =>
      run(io, command, async (ctx) => {
        const answer = await ctx.api.listTokens();
        if (ctx.json) return ctx.printJson(answer);
        const { label } = ctx;
        const headers = ["id", "name", "role", "created", "lastUsed", "revoked"] as const;
        const rows = answer.tokens.map((t) => [
          t.id,
          t.name,
          t.role,
          when(t.createdAt),
          t.lastUsedAt === undefined ? "" : when(t.lastUsedAt),
          t.revokedAt === undefined ? "" : when(t.revokedAt),
        ]);
        for (const text of table(headers.map(label), rows)) ctx.print(text);
      }),
  );

  adminCommand(tokens, "revoke <id>", "revoke a token: it stops working at once (never the last admin token)")
    .option(...YES)
    .option("--reason <text>", "why, for the audit log")
    .action((id: string, _options: unknown, command: Command) =>
      run<{ yes?: boolean; reason?: string }>(io, command, async (ctx, { yes, reason }) => {
        requireYes(ctx, yes, `ninsho tokens revoke ${id}`);
        const token = await ctx.api.revokeToken(id, reason);
        if (ctx.json) return ctx.printJson(token);
        ctx.print(ctx.m.tokenRevoked(token.id));
      }),
    );

  adminCommand(program, "whoami", "show the token in use: its id and role").action(
    (_options: unknown, command: Command) =>
      run(io, command, async (ctx) => {
        const me = await ctx.api.whoami();
        if (ctx.json) return ctx.printJson(me);
        ctx.print(ctx.m.whoami(me.tokenId, me.role));
      }),
  );
}
