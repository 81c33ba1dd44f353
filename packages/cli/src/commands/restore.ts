import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { deriveSecrets, unseal } from "@ninsho/core";
import type { Command } from "commander";
import { ExitCode } from "../admin/exit.js";
import { defaultIo, type Io, line } from "../admin/io.js";
import { detectLocale } from "../admin/locale.js";
import { cliText } from "../i18n/index.js";
import { dataLocation, runLocal, UsageProblem } from "./local.js";

interface RestoreOptions {
  readonly data: string;
  readonly from: string;
  readonly masterKeyFile?: string;
  readonly databaseUrl?: string;
}

/**
 * `ninsho restore`: put a `ninsho backup` file in place of the SQLite database, with the server stopped. The
 * master key must open it: from `--master-key-file`, else `<file>.master.key`, else the data folder's
 * `master.key`, else NINSHO_MASTER_KEY; one from a file is installed as the data folder's `master.key`. The
 * database (and a master key) it replaces are kept beside it as `*.before-restore-<time>`.
 * @example
 * ninsho restore --data ./data --from /backups/ninsho-2026-11-21.db
 */
export function registerRestore(program: Command, io: Io = defaultIo()): void {
  program
    .command("restore")
    .description("replace the SQLite database with a backup (stop the server first; PostgreSQL: pg_restore)")
    .option("--data <dir>", "data folder to restore into", "./data")
    .requiredOption("--from <file>", "a file written by ninsho backup")
    .option(
      "--master-key-file <file>",
      "the master key the backup was made with (default: <file>.master.key)",
    )
    .option("--database-url <url>", "the database file, when not <data>/ninsho.db")
    .action((options: RestoreOptions) => runLocal(io, "restore", () => restore(io, options)));
}

async function restore(io: Io, options: RestoreOptions): Promise<void> {
  const where = dataLocation(io, options.data, options.databaseUrl);
  if (where.postgres)
    throw new UsageProblem("DATABASE_IS_POSTGRES", { command: "restore", tool: "pg_restore" });
  const from = resolve(options.from);
  if (!existsSync(from)) throw new UsageProblem("BACKUP_NOT_FOUND", { path: from });
  const { assertSqliteIdle, inspectSqliteBackup, restoreSqlite } = await import("@ninsho/store");
  const { decodeMasterKey } = await import("@ninsho/server");
  const info = inspectSqliteBackup(from);
  const dataKey = join(where.dataDir, "master.key");
  const given = options.masterKeyFile === undefined ? undefined : resolve(options.masterKeyFile);
  const candidates = [given, `${from}.master.key`, dataKey].filter(
    (path): path is string => path !== undefined && existsSync(path),
  );
  const keySource = candidates[0];
  const keyText = keySource === undefined ? io.env.NINSHO_MASTER_KEY : readFileSync(keySource, "utf8").trim();
  if (keyText === undefined || keyText === "") {
    throw new UsageProblem("MASTER_KEY_MISSING", { keyFile: "none" });
  }
  const key = decodeMasterKey(keyText);
  const sample = info.signingKeySample;
  if (sample) {
    try {
      unseal(deriveSecrets(key), sample.sealedPrivateKey, sample.kid);
    } catch {
      const source = keySource ?? "NINSHO_MASTER_KEY";
      throw new UsageProblem("BACKUP_KEY_MISMATCH", { source }, ExitCode.failure);
    }
  }
  assertSqliteIdle(where.databaseUrl);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const kept = await restoreSqlite(from, where.databaseUrl, stamp);
  const say = cliText(detectLocale(io.env));
  const counts = { licenses: info.licenses, devices: info.devices };
  line(io.stdout, say("local.restored", { from, to: where.databaseUrl, ...counts }));
  if (kept) line(io.stdout, say("local.databaseKept", { path: kept }));
  const installed = existsSync(dataKey) ? readFileSync(dataKey, "utf8").trim() : undefined;
  if (keySource !== undefined && keySource !== dataKey && installed !== keyText) {
    if (installed !== undefined) {
      renameSync(dataKey, `${dataKey}.before-restore-${stamp}`);
      line(io.stdout, say("local.masterKeyKept", { path: `${dataKey}.before-restore-${stamp}` }));
    }
    writeFileSync(dataKey, `${key.toString("hex")}\n`, { mode: 0o600 });
    chmodSync(dataKey, 0o600);
    line(io.stdout, say("local.masterKeyInstalled", { source: keySource, path: dataKey }));
  }
}
