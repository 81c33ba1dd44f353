/**
 * `ninsho backup`, `restore` and `migrate` say what they did in the operator's language: the command's messages
 * in English and Japanese, on a real SQLite data folder a first server start made.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "@ninsho/server";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliText } from "../../src/i18n/index.js";
import { runCli } from "../admin/support/harness.js";

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;
let dir: string;
let data: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ninsho-cli-backup-"));
  data = join(dir, "data");
  const server = await startServer({
    dataDir: data,
    databaseUrl: join(data, "ninsho.db"),
    port: 0,
    print: () => undefined,
    logger: pino({ level: "silent" }),
  });
  await server.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = (lang: string) => ({ LANG: lang, DATABASE_URL: "", NINSHO_MASTER_KEY: "" });

describe("backup, restore and migrate speak the operator's language", () => {
  it("in English", async () => {
    const out = join(dir, "en.db");
    const backup = await runCli(
      ["backup", "--data", data, "--out", out, "--with-master-key"],
      env("en_US.UTF-8"),
    );
    expect(backup.code, backup.stderr).toBe(0);
    const say = cliText("en");
    expect(backup.stdout).toContain(say("local.backedUp", { from: join(data, "ninsho.db"), to: out }));
    expect(backup.stdout).toContain("1 license, 0 devices; schema");
    expect(backup.stdout).toContain(say("local.masterKeyCopied", { path: `${out}.master.key` }));

    const target = join(dir, "en-target");
    const restore = await runCli(["restore", "--data", target, "--from", out], env("en_US.UTF-8"));
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain(
      say("local.restored", { from: out, to: join(target, "ninsho.db"), licenses: 1, devices: 0 }),
    );
    expect(restore.stdout).toContain("Restored");
    const migrate = await runCli(["migrate", "--data", target], env("en_US.UTF-8"));
    expect(migrate.stdout).toBe(`${say("local.upToDate", { target: join(target, "ninsho.db") })}\n`);
  });

  it("in Japanese, with no English left", async () => {
    const out = join(dir, "ja.db");
    const backup = await runCli(["backup", "--data", data, "--out", out], env("ja_JP.UTF-8"));
    expect(backup.code, backup.stderr).toBe(0);
    const target = join(dir, "ja-target");
    const restore = await runCli(
      ["restore", "--data", target, "--from", out, "--master-key-file", join(data, "master.key")],
      env("ja_JP.UTF-8"),
    );
    expect(restore.code, restore.stderr).toBe(0);
    const migrate = await runCli(["migrate", "--data", target], env("ja_JP.UTF-8"));
    for (const run of [backup, restore, migrate]) {
      for (const printed of run.stdout.trim().split("\n")) expect(printed).toMatch(JAPANESE);
      expect(run.stdout).not.toMatch(/backed up|restored|installed|up to date|master key/i);
    }
    expect(backup.stdout).toContain("ライセンス 1 件、デバイス 0 台");
    expect(restore.stdout).toContain("に復元しました");
  });
});
