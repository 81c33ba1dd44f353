import { chmodSync, constants, copyFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { defaultIo, type Io, line } from "../admin/io.js";
import { detectLocale } from "../admin/locale.js";
import { cliText } from "../i18n/index.js";
import { dataLocation, runLocal, UsageProblem } from "./local.js";

interface BackupOptions {
  readonly data: string;
  readonly out: string;
  readonly databaseUrl?: string;
  readonly withMasterKey?: boolean;
}

/**
 * `ninsho backup`: a consistent copy of the SQLite database, taken while the server runs (SQLite's online
 * backup API). The master key is not in it; `--with-master-key` copies `master.key` beside it (FILE.master.key,
 * mode 0600). PostgreSQL is backed up with pg_dump (docs/deploy.md).
 * @example
 * ninsho backup --data ./data --out /backups/ninsho-2026-11-21.db
 */
export function registerBackup(program: Command, io: Io = defaultIo()): void {
  program
    .command("backup")
    .description("copy the SQLite database while the server runs (PostgreSQL: use pg_dump)")
    .option("--data <dir>", "data folder holding ninsho.db and master.key", "./data")
    .requiredOption("--out <file>", "the backup file to write (must not exist)")
    .option("--database-url <url>", "the database, when not <data>/ninsho.db (default: DATABASE_URL)")
    .option("--with-master-key", "also copy master.key beside the backup as <file>.master.key (mode 0600)")
    .action((options: BackupOptions) => runLocal(io, "backup", () => backup(io, options)));
}

async function backup(io: Io, options: BackupOptions): Promise<void> {
  const where = dataLocation(io, options.data, options.databaseUrl);
  if (where.postgres) {
    throw new UsageProblem("DATABASE_IS_POSTGRES", { command: "backup", tool: "pg_dump" });
  }
  const out = resolve(options.out);
  if (existsSync(out)) throw new UsageProblem("BACKUP_TARGET_EXISTS", { path: out });
  const keyFile = join(where.dataDir, "master.key");
  if (options.withMasterKey && !existsSync(keyFile)) {
    throw new UsageProblem("MASTER_KEY_MISSING", { keyFile });
  }
  const { backupSqlite } = await import("@ninsho/store");
  const info = await backupSqlite(where.databaseUrl, out);
  const say = cliText(detectLocale(io.env));
  line(io.stdout, say("local.backedUp", { from: where.databaseUrl, to: out }));
  const schema = info.migrations.at(-1) ?? "?";
  line(io.stdout, say("local.backupHolds", { licenses: info.licenses, devices: info.devices, schema }));
  if (options.withMasterKey) {
    copyFileSync(keyFile, `${out}.master.key`, constants.COPYFILE_EXCL);
    chmodSync(`${out}.master.key`, 0o600);
    line(io.stdout, say("local.masterKeyCopied", { path: `${out}.master.key` }));
  } else {
    line(io.stdout, say("local.masterKeyApart", { keyFile }));
    line(io.stdout, say("local.masterKeyWhy"));
  }
}
