import type { Command } from "commander";
import { defaultIo, type Io, line } from "../admin/io.js";
import { detectLocale } from "../admin/locale.js";
import { cliText } from "../i18n/index.js";
import { dataLocation, runLocal } from "./local.js";

/**
 * `ninsho migrate`: bring the database's schema up to date and exit (the server also does it at start).
 * Safe while servers run and from several machines at once: one applies, the others find it done.
 * @example
 * DATABASE_URL=postgres://ninsho@db/ninsho ninsho migrate
 * ninsho migrate --data ./data
 */
export function registerMigrate(program: Command, io: Io = defaultIo()): void {
  program
    .command("migrate")
    .description("apply the schema migrations the database lacks (SQLite in --data, or DATABASE_URL)")
    .option("--data <dir>", "data folder holding the SQLite file", "./data")
    .option("--database-url <url>", "postgres://… to migrate PostgreSQL (default: DATABASE_URL)")
    .action((options: { data: string; databaseUrl?: string }) =>
      runLocal(io, "migrate", async () => {
        const where = dataLocation(io, options.data, options.databaseUrl);
        const { createStore } = await import("@ninsho/store");
        const store = createStore({ url: where.databaseUrl, poolSize: 1 });
        try {
          const applied = await store.migrate();
          const target = where.postgres ? "PostgreSQL" : where.databaseUrl;
          const say = cliText(detectLocale(io.env));
          if (applied.length === 0) line(io.stdout, say("local.upToDate", { target }));
          else line(io.stdout, say("local.applied", { target, migrations: applied.join(", ") }));
        } finally {
          await store.close();
        }
      }),
    );
}
