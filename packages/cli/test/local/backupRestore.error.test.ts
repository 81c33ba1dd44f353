/**
 * `ninsho restore` with a master key that does not open the backup: a coded failure (BACKUP_KEY_MISMATCH,
 * exit 1) in the operator's language, and nothing restored.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe as catalogue } from "@ninsho/core";
import { startServer } from "@ninsho/server";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../admin/support/harness.js";

let dir: string;
let out: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ninsho-cli-restore-"));
  const data = join(dir, "data");
  const server = await startServer({
    dataDir: data,
    databaseUrl: join(data, "ninsho.db"),
    port: 0,
    print: () => undefined,
    logger: pino({ level: "silent" }),
  });
  await server.close();
  out = join(dir, "backup.db");
  const backup = await runCli(["backup", "--data", data, "--out", out], {
    LANG: "en_US.UTF-8",
    DATABASE_URL: "",
  });
  expect(backup.code, backup.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("restore with the wrong master key", () => {
  it.each(["en", "ja"] as const)("is BACKUP_KEY_MISMATCH, exit 1, nothing restored (%s)", async (locale) => {
    const target = join(dir, `target-${locale}`);
    const run = await runCli(["restore", "--data", target, "--from", out], {
      LANG: locale === "ja" ? "ja_JP.UTF-8" : "en_US.UTF-8",
      DATABASE_URL: "",
      NINSHO_MASTER_KEY: "00".repeat(32),
    });
    const text = catalogue("BACKUP_KEY_MISMATCH", locale, { source: "NINSHO_MASTER_KEY" });
    expect(run.stderr).toBe(`ninsho restore: ${text.message} (BACKUP_KEY_MISMATCH)\n  ${text.remedy}\n`);
    expect(run.code).toBe(1);
    expect(existsSync(join(target, "ninsho.db"))).toBe(false);
  });
});
