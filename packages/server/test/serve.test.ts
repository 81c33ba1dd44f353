import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
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

/** The curl line of the banner, taken apart: where it posts, its headers and its body. */
function parseCurl(line: string): { url: string; contentType: string; body: string } {
  const match = /curl -sS -X POST (\S+) -H '([^']+)' -d '(.+)'$/.exec(line.trim());
  if (!match) throw new Error(`not a curl line: ${line}`);
  const [, url = "", header = "", body = ""] = match;
  return { url, contentType: header.replace(/^content-type:\s*/i, ""), body };
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

  describe("happy", () => {
    it("first start: creates the schema, keys and demo data, and prints the admin token, the demo key and a curl line that activates", async () => {
      const { server, lines } = await start();
      expect(lines[0]).toBe(`Ninsho activation server listening on ${server.url}`);
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(lines.join("\n")).toContain("master key: created");
      const adminToken = bannerValue(lines, "admin token");
      const demoKey = bannerValue(lines, "demo key");
      expect(adminToken).toMatch(/^nsh_admin_[\w-]{43}$/);
      expect(demoKey).toMatch(/^[B-Y2-9]{5}(-[B-Y2-9]{5}){4}$/);
      expect(server.seeded).toMatchObject({ adminToken, demoKey });

      const curl = lines.find((line) => line.includes("curl "));
      if (curl === undefined) throw new Error("no curl line");
      const { url, contentType, body } = parseCurl(curl);
      expect(url).toBe(`${server.url}/v1/activations`);
      expect(JSON.parse(body)).toMatchObject({ key: demoKey });
      const res = await fetch(url, { method: "POST", headers: { "content-type": contentType }, body });
      expect(res.status).toBe(201);
      const activation = (await res.json()) as {
        device: { id: string };
        lease: string;
        license: { maxDevices: number };
      };
      expect(activation.lease.split(".")).toHaveLength(3);
      expect(activation.license.maxDevices).toBe(3);
      // The same line again is the same machine.
      expect(
        (await fetch(url, { method: "POST", headers: { "content-type": contentType }, body })).status,
      ).toBe(200);

      const whoami = await fetch(`${server.url}/v1/admin/whoami`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      expect(await whoami.json()).toMatchObject({ role: "admin" });
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok", database: "sqlite" });

      const masterKey = statSync(join(dataDir, "master.key"));
      expect(masterKey.mode & 0o777).toBe(0o600);
      const files = readdirSync(dataDir);
      expect(files).toContain("ninsho.db");
      const stored = Buffer.concat(
        files.filter((f) => f.startsWith("ninsho.db")).map((f) => readFileSync(join(dataDir, f))),
      ).toString("latin1");
      expect(stored.includes(adminToken ?? "?")).toBe(false);
      expect(stored.includes(demoKey ?? "?")).toBe(false);
    });

    it("second start on the same folder: seeds nothing, keeps the master key, and the demo key still works", async () => {
      const keyBefore = readFileSync(join(dataDir, "master.key"), "utf8");
      const { server, lines } = await start();
      expect(server.seeded).toBeUndefined();
      expect(bannerValue(lines, "admin token")).toBeUndefined();
      expect(bannerValue(lines, "demo key")).toBeUndefined();
      expect(lines.some((line) => line.includes("curl"))).toBe(false);
      expect(lines.join("\n")).toContain("master key: file");
      expect(readFileSync(join(dataDir, "master.key"), "utf8")).toBe(keyBefore);
      expect(statSync(join(dataDir, "master.key")).mode & 0o777).toBe(0o600);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

      // The seeded key is still found (the lookup digest depends on the master key) and the products are one.
      const products = (await server.deps.store.products.list()).map((p) => p.name);
      expect(products).toEqual(["Ninsho Demo"]);
      const licenses = await server.deps.store.licenses.list();
      expect(licenses).toHaveLength(1);
    });
  });

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
