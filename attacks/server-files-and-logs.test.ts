/**
 * Capability: another user account on the server machine, or anyone who reads the server's collected output
 * (a journald or container log, a CI log of a first start).
 * Attack: read `ninsho.db`, its `-wal` and `-shm`, `master.key` and the admin token from the data folder, or
 * lift the first start's admin token from the output; also after an install whose files were left world-readable.
 * Expected outcome: the data folder is 0700 and every file in it 0600 (tightened, with a logged warning, when
 * found looser); a first start whose output is not a terminal never writes the admin token to it, only the path
 * of a 0600 file. Before the fix the database files took the umask (0644) and the token was printed to any log.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../packages/server/src/serve.js";

describe("attack: reading the server's files and its output", () => {
  const running: RunningServer[] = [];
  const folders: string[] = [];
  afterEach(async () => {
    for (const server of running.splice(0)) await server.close();
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  const start = async (dataDir: string) => {
    const output: string[] = [];
    const logger = pino({ level: "info" }, { write: (text: string) => output.push(text) });
    const server = await startServer({ dataDir, port: 0, print: (line) => output.push(line), logger });
    running.push(server);
    return { server, output };
  };

  it("finds nothing readable by others and no admin token in the output", async () => {
    const base = mkdtempSync(join(tmpdir(), "ninsho-attack-files-"));
    folders.push(base);
    const data = join(base, "data");
    const { server, output } = await start(data);
    const token = server.seeded?.adminToken ?? "";
    expect(token).toMatch(/^nsh_admin_/);
    expect(output.join("\n")).not.toContain(token);
    expect(statSync(data).mode & 0o077).toBe(0);
    for (const name of readdirSync(data)) expect(statSync(join(data, name)).mode & 0o077, name).toBe(0);
    expect(readdirSync(data)).toEqual(
      expect.arrayContaining([
        "ninsho.db",
        "ninsho.db-wal",
        "ninsho.db-shm",
        "master.key",
        "initial-admin-token",
      ]),
    );
  });

  it("an install left world-readable is made private at the next start, and said so in the log", async () => {
    const base = mkdtempSync(join(tmpdir(), "ninsho-attack-loose-"));
    folders.push(base);
    const data = join(base, "data");
    await start(data);
    for (const server of running.splice(0)) await server.close();
    chmodSync(data, 0o777);
    for (const name of readdirSync(data)) chmodSync(join(data, name), 0o666);
    const { output } = await start(data);
    expect(statSync(data).mode & 0o077).toBe(0);
    for (const name of readdirSync(data)) expect(statSync(join(data, name)).mode & 0o077, name).toBe(0);
    expect(
      output.filter((line) => line.includes("was readable by other users")).length,
    ).toBeGreaterThanOrEqual(4);
  });
});
