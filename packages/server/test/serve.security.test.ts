import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../src/serve.js";
import { silentLogger } from "./support/server.js";

interface Started {
  readonly server: RunningServer;
  readonly lines: string[];
}

const bannerValue = (lines: readonly string[], label: string) =>
  lines.find((line) => line.startsWith(`${label}: `))?.slice(label.length + 2);

describe("startServer", () => {
  let dataDir: string;
  const running: RunningServer[] = [];
  const saved = { master: process.env.NINSHO_MASTER_KEY, database: process.env.DATABASE_URL };

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "ninsho-serve-test-"));
    delete process.env.NINSHO_MASTER_KEY;
    delete process.env.DATABASE_URL;
  });
  afterEach(async () => {
    for (const server of running.splice(0)) await server.close();
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    if (saved.master !== undefined) process.env.NINSHO_MASTER_KEY = saved.master;
    if (saved.database !== undefined) process.env.DATABASE_URL = saved.database;
  });

  /** Start as at a terminal (the admin token printed) unless `showAdminToken` says otherwise. */
  async function start(
    dir: string = dataDir,
    showAdminToken = true,
    logger = silentLogger(),
  ): Promise<Started> {
    const lines: string[] = [];
    const server = await startServer({
      dataDir: dir,
      port: 0,
      print: (line) => lines.push(line),
      logger,
      showAdminToken,
    });
    running.push(server);
    return { server, lines };
  }

  describe("security", () => {
    it("a first start whose output is not a terminal writes the admin token to a 0600 file, never to the output", async () => {
      const dir = mkdtempSync(join(tmpdir(), "ninsho-serve-log-"));
      try {
        const logged: string[] = [];
        const logger = pino({ level: "info" }, { write: (text: string) => logged.push(text) });
        // No showAdminToken: the default asks whether stdout is a terminal, and under the test runner it is not.
        const lines: string[] = [];
        const server = await startServer({ dataDir: dir, port: 0, print: (l) => lines.push(l), logger });
        running.push(server);
        const token = server.seeded?.adminToken ?? "";
        expect(token).toMatch(/^nsh_admin_/);
        expect([...lines, ...logged].join("\n")).not.toContain(token);
        const file = bannerValue(lines, "admin token file");
        expect(file).toBe(join(dir, "initial-admin-token"));
        expect(readFileSync(join(dir, "initial-admin-token"), "utf8").trim()).toBe(token);
        expect(statSync(join(dir, "initial-admin-token")).mode & 0o777).toBe(0o600);
        const whoami = await fetch(`${server.url}/v1/admin/whoami`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(whoami.status).toBe(200);
      } finally {
        for (const server of running.splice(0)) await server.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it("the data folder is 0700 and ninsho.db, -wal and -shm 0600, also when they were looser; each fix is logged", async () => {
      const dir = mkdtempSync(join(tmpdir(), "ninsho-serve-modes-"));
      try {
        const data = join(dir, "data");
        await start(data);
        const modeOf = (name: string) => statSync(join(data, name)).mode & 0o777;
        expect(modeOf(".")).toBe(0o700);
        for (const name of ["ninsho.db", "ninsho.db-wal", "ninsho.db-shm", "master.key"])
          expect(modeOf(name), name).toBe(0o600);
        for (const server of running.splice(0)) await server.close();

        chmodSync(data, 0o755);
        for (const name of ["ninsho.db", "master.key"]) chmodSync(join(data, name), 0o644);
        const logged: string[] = [];
        const logger = pino({ level: "info" }, { write: (text: string) => logged.push(text) });
        await start(data, true, logger);
        expect(modeOf(".")).toBe(0o700);
        for (const name of ["ninsho.db", "ninsho.db-wal", "ninsho.db-shm", "master.key"])
          expect(modeOf(name), name).toBe(0o600);
        const fixes = logged.map(
          (text) => JSON.parse(text) as { path?: string; from?: string; to?: string; level: number },
        );
        expect(fixes.filter((f) => f.path !== undefined).map((f) => [f.path, f.from, f.to, f.level])).toEqual(
          [
            [data, "0o755", "0o700", 40],
            [join(data, "master.key"), "0o644", "0o600", 40],
            [join(data, "ninsho.db"), "0o644", "0o600", 40],
          ],
        );
      } finally {
        for (const server of running.splice(0)) await server.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it("listens on loopback by default", async () => {
      const dir = mkdtempSync(join(tmpdir(), "ninsho-serve-lo-"));
      try {
        const { server } = await start(dir);
        expect(new URL(server.url).hostname).toBe("127.0.0.1");
      } finally {
        for (const server of running.splice(0)) await server.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
