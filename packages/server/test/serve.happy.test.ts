import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
});
