import { existsSync } from "node:fs";
import type { Command } from "commander";
import { defaultIo, type Io, line } from "../admin/io.js";
import { dataLocation, runLocal } from "./local.js";

/**
 * `ninsho tokens recover`: on the server machine, make a new admin token directly in the database when every
 * admin token is lost. It needs no token (opening the database is the proof), prints the new token once and
 * writes a `token.recovered` entry to the server's audit log naming the operating-system user and machine.
 * @example
 * ninsho tokens recover --data /var/lib/ninsho
 * DATABASE_URL=postgres://ninsho@db/ninsho ninsho tokens recover
 */
export function registerTokensRecover(tokens: Command, io: Io = defaultIo()): void {
  tokens
    .command("recover")
    .description("on the server machine: make a new admin token directly in the database (no token needed)")
    .option("--data <dir>", "data folder holding the SQLite file", "./data")
    .option("--database-url <url>", "postgres://… (default: DATABASE_URL)")
    .option("--name <name>", "what the new token is for", "recovered admin")
    .action((options: { data: string; databaseUrl?: string; name: string }) =>
      runLocal(io, "tokens recover", async () => {
        const where = dataLocation(io, options.data, options.databaseUrl);
        // Loaded here, not at the top: the admin and device commands start without the server's dependencies.
        const { makeDataPrivate, recoverAdminToken } = await import("@ninsho/server");
        if (!where.postgres) {
          // A wrong --data must not quietly make a new, empty database with a token nobody's server reads.
          if (!existsSync(where.databaseUrl))
            throw new Error(`no database at ${where.databaseUrl} (is --data the server's data folder?)`);
          makeDataPrivate(where.dataDir, where.databaseUrl);
        }
        const recovered = await recoverAdminToken({ databaseUrl: where.databaseUrl, name: options.name });
        line(io.stdout, recovered.token);
        line(
          io.stderr,
          `admin token ${recovered.id} made; shown once, only its digest is stored (audit: token.recovered)`,
        );
      }),
    );
}
