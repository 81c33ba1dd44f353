import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Fingerprint } from "@ninsho/core";
import { type RunningServer, startServer } from "@ninsho/server";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { banner, type LicenseSetup, openLicense, startApp } from "./license.js";

const DAY = 86_400_000;
const quiet = { print: () => undefined, logger: pino({ level: "silent" }) };

let dataDir: string;
let server: RunningServer | undefined;
let url: string;
let port: number;
let productId: string;
let jwks: unknown;
let adminToken: string;
let policyId: string;
let productSalt: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "ninsho-example-server-"));
  server = await startServer({ dataDir, port: 0, ...quiet });
  if (!server.seeded) throw new Error("a first start seeds a demo product");
  ({ url } = server);
  port = Number(new URL(url).port);
  productId = server.seeded.productId;
  adminToken = server.seeded.adminToken;
  policyId = server.seeded.policyId;
  jwks = await (await fetch(`${url}/.well-known/jwks.json`)).json();
  const product = await fetch(`${url}/v1/admin/products/${productId}`, {
    headers: { authorization: `Bearer ${adminToken}` },
  });
  productSalt = ((await product.json()) as { fingerprintSalt?: string }).fingerprintSalt ?? "";
});
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function newKey(): Promise<string> {
  const res = await fetch(`${url}/v1/admin/licenses`, {
    method: "POST",
    headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
    body: JSON.stringify({ policyId, count: 1 }),
  });
  const body = (await res.json()) as { licenses: { key: string }[] };
  return body.licenses[0]?.key ?? "";
}

const machine = (name: string): Fingerprint => ({
  collector: "example/1",
  components: ["board", "disk", "mac", "os-install"].map((kind) => ({
    kind,
    digest: createHash("sha256").update(`${name}:${kind}`).digest("hex"),
  })),
});

describe("the example desktop app against a real server", () => {
  it("installs a key, activates, restarts offline, runs into grace, and recovers when the server is back", async () => {
    const storageDir = mkdtempSync(join(tmpdir(), "ninsho-example-app-"));
    // The app's clock runs a minute ahead of the server's: the lease's 21-day runway (7 days + 14 of grace) is
    // counted from when the server signed it, in whole seconds, so however long activation takes (under a minute)
    // the app sees a little less than 21 days left, never exactly 21 or a little more.
    let now = Date.now() + 60_000;
    const log: string[] = [];
    const setup: LicenseSetup = {
      url,
      productId,
      publicKeys: jwks as LicenseSetup["publicKeys"],
      storageDir,
      log: (line) => log.push(line),
      now: () => now,
      fingerprint: async () => machine("example-pc"),
    };
    const key = await newKey();

    // First start: a typo is refused offline; then the key as typed, activation, a validation.
    const typo = openLicense(setup);
    const refused = await startApp(typo, `${key.slice(0, -1)}${key.endsWith("2") ? "3" : "2"}`, setup.log);
    expect(refused.state).toBe("no_key");
    expect(log.at(-1)).toMatch(/^key refused: The product key is not valid: group 5/);
    await typo.close();

    const first = openLicense(setup);
    const started = await startApp(first, key.toLowerCase(), setup.log);
    await first.close();
    expect(started).toMatchObject({ state: "active", valid: true });
    expect(log).toContain("activated");
    expect(log.some((line) => line.startsWith("lease: until "))).toBe(true);
    expect(log.at(-1)).toBe("Licensed (retail) — runs 20 days 23 hours without the server");

    // Restart with the server down: the app runs from its signed lease.
    await server?.close();
    server = undefined;
    log.length = 0;
    const offline = openLicense(setup);
    expect((await startApp(offline, undefined, setup.log)).state).toBe("active");
    expect(log).toEqual([
      "state: start → active",
      "Licensed (retail) — runs 20 days 23 hours without the server",
    ]);

    // Eight days on, still without the server: the lease is over, grace runs, and the app says so.
    now += 8 * DAY;
    const grace = await offline.validate();
    expect(grace.state).toBe("grace");
    expect(banner(grace)).toBe("Offline too long — connect within 12 days 23 hours to keep working");
    await offline.idle();
    expect(log).toContain("state: active → grace");
    expect(log.some((line) => /^refresh: failed \(SERVER_UNREACHABLE\), retry at /.test(line))).toBe(true);
    await offline.close();

    // The server is back (its clock is real: the app's moved on by a day, within the rollback tolerance).
    server = await startServer({ dataDir, port, ...quiet });
    now = Date.now() + 0.5 * DAY;
    log.length = 0;
    const back = openLicense(setup);
    const recovered = await back.validate({ online: "force" });
    await back.close();
    expect(recovered.state).toBe("active");
    expect(log).toContain("refresh: ok");
    rmSync(storageDir, { recursive: true, force: true });
  });

  it("runs as a program (main.ts) against the server", async () => {
    const storageDir = mkdtempSync(join(tmpdir(), "ninsho-example-main-"));
    const jwksFile = join(storageDir, "..", `jwks-${process.pid}-${Date.now()}.json`);
    writeFileSync(jwksFile, JSON.stringify(jwks));
    const run = await runMain([await newKey()], {
      NINSHO_URL: url,
      NINSHO_PRODUCT: productId,
      NINSHO_SALT: productSalt,
      EXAMPLE_LICENSE_DIR: storageDir,
      EXAMPLE_JWKS: jwksFile,
      NINSHO_CONTAINER_ID: "example-test",
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("activated\n");
    expect(run.stdout).toMatch(/Licensed \(retail\) — runs 20 days 23 hours without the server\n$/);
    rmSync(storageDir, { recursive: true, force: true });
  });
});

const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));

function runMain(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", MAIN, ...args], {
      env: { PATH: process.env.PATH ?? "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
