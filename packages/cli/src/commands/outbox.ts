import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { defaultIo, type Io, line } from "../admin/io.js";
import { dataLocation, runLocal, UsageProblem, wholeNumber } from "./local.js";

interface OutboxOptions {
  readonly data: string;
  readonly databaseUrl?: string;
  readonly limit: number;
  readonly json?: boolean;
}

/**
 * `ninsho outbox list|show`: on the server machine, read the account mail (verification and reset links) the
 * server kept because no SMTP server is configured, opened with the master key (`NINSHO_MASTER_KEY`, else the
 * data folder's `master.key`). So a local install works without a mail server: the operator passes the link on.
 * @example
 * ninsho outbox list --data ./data
 * ninsho outbox show mail_01JD… --data ./data
 */
export function registerOutbox(program: Command, io: Io = defaultIo()): void {
  const outbox = program
    .command("outbox")
    .description("on the server machine: read the account mail kept when no SMTP server is configured");
  const common = (command: Command) =>
    command
      .option("--data <dir>", "data folder holding the SQLite file and master.key", "./data")
      .option("--database-url <url>", "postgres://… (default: DATABASE_URL)")
      .option("--limit <n>", "newest mails to read", wholeNumber("--limit", 1, 10_000), 50)
      .option("--json", "print JSON");
  common(outbox.command("list").description("the newest mails: id, when, to whom, what")).action(
    (options: OutboxOptions) =>
      runLocal(io, "outbox list", async () => {
        const mails = await read(io, options);
        if (options.json)
          return line(
            io.stdout,
            JSON.stringify(
              mails.map(({ text: _t, ...rest }) => rest),
              null,
              2,
            ),
          );
        for (const mail of mails)
          line(
            io.stdout,
            `${mail.id}  ${mail.createdAt}  ${mail.template.padEnd(13)}  ${mail.to}  ${mail.subject}`,
          );
        if (mails.length === 0) line(io.stderr, "the outbox is empty");
      }),
  );
  common(
    outbox.command("show").description("one mail, with its text (its links included)").argument("<id>"),
  ).action((id: string, options: OutboxOptions) =>
    runLocal(io, "outbox show", async () => {
      const mail = (await read(io, { ...options, limit: 10_000 })).find((m) => m.id === id);
      if (!mail) throw new Error(`no mail ${id} in the outbox`);
      if (options.json) return line(io.stdout, JSON.stringify(mail, null, 2));
      line(io.stdout, `To: ${mail.to}\nSubject: ${mail.subject}\nDate: ${mail.createdAt}\n\n${mail.text}`);
    }),
  );
}

async function read(io: Io, options: OutboxOptions) {
  const where = dataLocation(io, options.data, options.databaseUrl);
  if (!where.postgres && !existsSync(where.databaseUrl))
    throw new Error(`no database at ${where.databaseUrl} (is --data the server's data folder?)`);
  const keyFile = join(where.dataDir, "master.key");
  const keyText =
    io.env.NINSHO_MASTER_KEY || (existsSync(keyFile) ? readFileSync(keyFile, "utf8").trim() : "");
  if (keyText === "") throw new UsageProblem("MASTER_KEY_MISSING", { keyFile });
  // Loaded here, not at the top: the admin and device commands start without the server's dependencies.
  const { decodeMasterKey, readOutbox } = await import("@ninsho/server");
  return readOutbox({
    databaseUrl: where.databaseUrl,
    masterKey: decodeMasterKey(keyText),
    limit: options.limit,
  });
}
