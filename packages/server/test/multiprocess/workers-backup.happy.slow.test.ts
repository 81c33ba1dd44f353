/**
 * `ninsho serve --workers 2` on PostgreSQL (and its refusal on SQLite), and a SQLite backup taken while the
 * server runs, restored into another folder where a new server honours the leases it held.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { machine } from "../support/fingerprints.js";
import { createPostgresDatabase, skipPostgres } from "../support/postgres.js";
import { activate, send } from "./support/client.js";
import { assertBuilt, Processes } from "./support/processes.js";

const processes = new Processes();
beforeAll(() => assertBuilt());
afterAll(() => processes.stopAll());

/** The demo key a first start printed. */
const demoKeyOf = (lines: readonly string[]) =>
  lines.find((l) => l.startsWith("demo key: "))?.slice("demo key: ".length) ?? "";

/** Children of a process (Linux). */
const childrenOf = (pid: number): number[] =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);

describe("ninsho serve --workers", () => {
  it.skipIf(skipPostgres)(
    "2 workers on PostgreSQL start, share the port and serve",
    async () => {
      const db = await createPostgresDatabase();
      try {
        const server = await processes.serve({ databaseUrl: db.url, workers: 2 });
        expect(server.lines[0]).toContain("(2 worker processes)");
        expect(childrenOf(server.pid)).toHaveLength(2);
        const answers = await Promise.all(
          Array.from({ length: 3 }, (_, i) =>
            activate(server.url, demoKeyOf(server.lines), machine(`w-${i}`)),
          ),
        );
        expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
        const health = await send(server.url, "/healthz");
        expect(health.body).toMatchObject({ status: "ok", database: "postgres" });
        // The web pages too: each worker imports them itself (a function cannot be sent to a process).
        const pages = await Promise.all([0, 1, 2].map(() => fetch(`${server.url}/activate/phone`)));
        expect(pages.map((page) => page.status)).toEqual([200, 200, 200]);
        expect(pages[0]?.headers.get("content-type")).toContain("text/html");
        // A worker that dies is replaced, and the port is served all along.
        const [victim, survivor] = childrenOf(server.pid);
        if (victim === undefined || survivor === undefined) throw new Error("no workers");
        process.kill(victim, "SIGKILL");
        const until = Date.now() + 20_000;
        while (
          Date.now() < until &&
          !(childrenOf(server.pid).length === 2 && !childrenOf(server.pid).includes(victim))
        ) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(childrenOf(server.pid)).toHaveLength(2);
        expect(childrenOf(server.pid)).toContain(survivor);
        expect(childrenOf(server.pid)).not.toContain(victim);
        const after = await Promise.all([0, 1, 2, 3].map(() => fetch(`${server.url}/healthz`)));
        expect(after.map((res) => res.status)).toEqual([200, 200, 200, 200]);
        await processes.stop(server.child);
        expect(server.child.exitCode).toBe(0);
      } finally {
        await db.drop();
      }
    },
    60_000,
  );

  it("refuses --workers 2 on SQLite, saying why", async () => {
    const run = await processes.run(["serve", "--workers", "2", "--data", processes.folder()], {
      DATABASE_URL: "",
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--workers 2 needs PostgreSQL");
    expect(run.stderr).toContain("(WORKERS_NEED_POSTGRES)");
  });

  it("words the refusal from the catalogue in the operator's language", async () => {
    const run = await processes.run(["serve", "--workers", "3", "--data", processes.folder()], {
      DATABASE_URL: "",
      LANG: "ja_JP.UTF-8",
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--workers 3 には PostgreSQL が必要です");
    expect(run.stderr).toContain("(WORKERS_NEED_POSTGRES)");
  });
});

describe("ninsho backup and restore (SQLite)", () => {
  it("a backup taken while serving, restored elsewhere, keeps devices and leases", async () => {
    const env = { DATABASE_URL: "", NINSHO_MASTER_KEY: "" };
    const source = processes.folder();
    const server = await processes.serve({ dataDir: source, env });
    const fingerprint = machine("backed-up");
    const activated = await activate(server.url, demoKeyOf(server.lines), fingerprint);
    expect(activated.status).toBe(201);
    const lease = String(activated.body.lease);

    const out = join(processes.folder(), "ninsho-backup.db");
    const backup = await processes.run(["backup", "--data", source, "--out", out, "--with-master-key"], env);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain("1 license, 1 device;");
    const again = await processes.run(["backup", "--data", source, "--out", out], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("(BACKUP_TARGET_EXISTS)");
    const missing = await processes.run(["restore", "--data", source, "--from", `${out}.nope`], env);
    expect([missing.code, missing.stderr.includes("(BACKUP_NOT_FOUND)")]).toEqual([2, true]);
    const busy = await processes.run(["restore", "--data", source, "--from", out], env);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain("in use");
    await processes.stop(server.child);

    const target = processes.folder();
    const restored = await processes.run(["restore", "--data", target, "--from", out], env);
    expect(restored.code, restored.stderr).toBe(0);
    expect(readFileSync(join(target, "master.key"), "utf8")).toBe(
      readFileSync(join(source, "master.key"), "utf8"),
    );

    const revived = await processes.serve({ dataDir: target, env, seed: false });
    expect(revived.lines.join("\n")).toContain("master key: file");
    const valid = await send(revived.url, "/v1/validate", { lease, fingerprint, nonce: "n-restored-000000" });
    expect(valid.status).toBe(200);
    expect(valid.body).toMatchObject({ valid: true });
    const recognised = await activate(revived.url, demoKeyOf(server.lines), fingerprint);
    expect(recognised.status).toBe(200);
  });

  it("refuses to restore with a master key that does not open the backup", async () => {
    const env = { DATABASE_URL: "", NINSHO_MASTER_KEY: "" };
    const source = processes.folder();
    const server = await processes.serve({ dataDir: source, env });
    const out = join(processes.folder(), "b.db");
    expect((await processes.run(["backup", "--data", source, "--out", out], env)).code).toBe(0);
    await processes.stop(server.child);
    const target = processes.folder();
    const wrong = await processes.run(["restore", "--data", target, "--from", out], {
      ...env,
      NINSHO_MASTER_KEY: "00".repeat(32),
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("does not open this backup. (BACKUP_KEY_MISMATCH)");
  });
});
