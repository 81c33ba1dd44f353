import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

  describe("error", () => {
    it("a master key from the environment is used, and a malformed one refuses to start", async () => {
      const dir = mkdtempSync(join(tmpdir(), "ninsho-serve-env-"));
      try {
        process.env.NINSHO_MASTER_KEY = randomBytes(32).toString("hex");
        const { lines } = await start(dir);
        expect(lines.join("\n")).toContain("master key: environment");
        expect(readdirSync(dir)).not.toContain("master.key");
        for (const server of running.splice(0)) await server.close();
        process.env.NINSHO_MASTER_KEY = "too-short";
        await expect(start(dir)).rejects.toThrow(/32 bytes/);
      } finally {
        delete process.env.NINSHO_MASTER_KEY;
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe("error: a lost master key and a busy port", () => {
    it("refuses to serve a database whose master key was lost, rather than answer KEY_NOT_FOUND to everyone", async () => {
      const dir = mkdtempSync(join(tmpdir(), "ninsho-serve-lost-"));
      try {
        await start(dir);
        for (const server of running.splice(0)) await server.close();
        rmSync(join(dir, "master.key"));
        await expect(start(dir)).rejects.toThrow(/master key does not open/);
        expect(readdirSync(dir)).not.toContain("master.key");
        process.env.NINSHO_MASTER_KEY = randomBytes(32).toString("base64");
        await expect(start(dir)).rejects.toThrow(/master key does not open/);
      } finally {
        delete process.env.NINSHO_MASTER_KEY;
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it("rejects when the port is taken, instead of hanging or crashing the process", async () => {
      const dir = mkdtempSync(join(tmpdir(), "ninsho-serve-busy-"));
      try {
        const { server } = await start(dir);
        const port = Number(new URL(server.url).port);
        const fresh = join(dir, "fresh");
        const lines: string[] = [];
        await expect(
          startServer({
            dataDir: fresh,
            port,
            print: (line) => lines.push(line),
            logger: silentLogger(),
            showAdminToken: true,
          }),
        ).rejects.toThrow(/EADDRINUSE/);
        expect(lines).toEqual([]);
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
        // The failed first start made no admin token it could not show: the next start still seeds.
        const retried = await start(fresh);
        expect(bannerValue(retried.lines, "admin token")).toMatch(/^nsh_admin_/);
      } finally {
        for (const server of running.splice(0)) await server.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
