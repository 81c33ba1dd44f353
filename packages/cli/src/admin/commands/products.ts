import type { Command } from "commander";
import { adminCommand, run } from "../context.js";
import { fields, table, when } from "../format.js";
import type { Io } from "../io.js";

/**
 * `ninsho products create|list|show`.
 * @example
 * ninsho products create --name "Photo Studio"
 * ninsho products list --json
 * ninsho products show prd_01J…
 * ninsho products rotate-key prd_01J… --at 2026-06-01T00:00:00Z
 */
export function registerProducts(program: Command, io: Io): void {
  const products = program
    .command("products")
    .description("create, list and show products; rotate their signing keys");

  adminCommand(products, "create", "create a product with its own Ed25519 signing key")
    .requiredOption("--name <name>", "the product's name")
    .action((_options: unknown, command: Command) =>
      run<{ name: string }>(io, command, async (ctx, { name }) => {
        const product = await ctx.api.createProduct(name);
        if (ctx.json) return ctx.printJson(product);
        ctx.print(ctx.m.created("product", product.id));
      }),
    );

  adminCommand(products, "list", "list products").action((_options: unknown, command: Command) =>
    run(io, command, async (ctx) => {
      const answer = await ctx.api.listProducts();
      if (ctx.json) return ctx.printJson(answer);
      const { label } = ctx;
      const rows = answer.products.map((p) => [p.id, p.name, when(p.createdAt)]);
      for (const text of table([label("id"), label("name"), label("created")], rows)) ctx.print(text);
    }),
  );

  adminCommand(products, "show <id>", "show a product and its public signing keys").action(
    (id: string, _options: unknown, command: Command) =>
      run(io, command, async (ctx) => {
        const product = await ctx.api.getProduct(id);
        if (ctx.json) return ctx.printJson(product);
        const { label } = ctx;
        const lines = fields([
          [label("id"), product.id],
          [label("name"), product.name],
          [label("created"), when(product.createdAt)],
        ]);
        for (const text of lines) ctx.print(text);
        ctx.print("");
        ctx.print(`${label("publicKeys")}:`);
        const rows = product.publicKeys.map((k) => [
          k.kid,
          k.x,
          when(k.createdAt),
          k.activeFrom === undefined ? "" : when(k.activeFrom),
          k.retiredAt === undefined ? "" : when(k.retiredAt),
        ]);
        const headings = ["kid", "x", label("created"), label("signsFrom"), label("retired")];
        for (const text of table(headings, rows)) {
          ctx.print(`  ${text}`);
        }
      }),
  );

  adminCommand(products, "rotate-key <id>", "rotate a product's signing key (published now, signs from --at)")
    .option("--at <instant>", "when the new key starts signing, e.g. 2026-06-01T00:00:00Z (default: now)")
    .action((id: string, _options: unknown, command: Command) =>
      run<{ at?: string }>(io, command, async (ctx, { at }) => {
        const rotation = await ctx.api.rotateSigningKey(id, at);
        if (ctx.json) return ctx.printJson(rotation);
        ctx.print(ctx.m.keyRotated(rotation.kid, when(rotation.activeFrom), rotation.retired));
      }),
    );
}
