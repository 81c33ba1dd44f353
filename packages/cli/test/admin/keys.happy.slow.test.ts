import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseProductKey } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, spawnCli, startTestServer, type TestServer } from "./support/harness.js";

const BIN = fileURLToPath(new URL("../../bin/ninsho.js", import.meta.url));

/** `ninsho serve` in a child process on a free port, with what its first start prints. */
async function serveInChild(dataDir: string) {
  const child = spawn(process.execPath, [BIN, "serve", "--data", dataDir, "--port", "0"], {
    env: { PATH: process.env.PATH ?? "" },
  });
  let stdout = "";
  const banner = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      stdout += text;
      if (stdout.includes("product and policy ids")) resolve(stdout);
    });
    child.on("exit", () => reject(new Error(`serve exited:\n${stdout}`)));
  });
  const found = (pattern: RegExp) => pattern.exec(banner)?.[1] ?? "";
  return {
    url: found(/listening on (http:\S+)/),
    // Its stdout is a pipe, not a terminal: the token is in the file the banner names, not in the output.
    token: readFileSync(found(/admin token file: (\S+)/), "utf8").trim(),
    policyId: found(/(pol_\w+)/),
    stop: () =>
      new Promise<void>((done) => {
        child.once("close", () => done());
        child.kill("SIGTERM");
      }),
  };
}

let server: TestServer;
let work: string;
let policyId: string;
beforeAll(async () => {
  server = await startTestServer();
  work = await mkdtemp(join(tmpdir(), "ninsho-keys-"));
  policyId = server.server.seeded?.policyId ?? "";
});
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

describe("ninsho keys generate", () => {
  it("streams 20,000 keys to a 0600 CSV: every key distinct, valid and stored", async () => {
    const out = join(work, "keys.csv");
    const run = await spawnCli(["keys", "generate", "--policy", policyId, "--count", "20000", "--out", out], {
      ...server.env,
    });
    expect(run.stderr).toContain("keys: 20,000 / 20,000 (100%)");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Generated 20,000 keys in \d+\.\d+ s → .*keys\.csv$/m);

    expect((await stat(out)).mode & 0o777).toBe(0o600);
    const lines = (await readFile(out, "utf8")).split("\n");
    expect(lines.pop()).toBe("");
    expect(lines[0]).toBe("license_id,key,policy_id,created_at");
    const rows = lines.slice(1).map((line) => line.split(","));
    expect(rows).toHaveLength(20_000);
    const keys = new Set(rows.map((row) => row[1] ?? ""));
    const ids = new Set(rows.map((row) => row[0] ?? ""));
    expect(keys.size).toBe(20_000);
    expect(ids.size).toBe(20_000);
    for (const [id, key, policy] of rows) {
      expect(id).toMatch(/^lic_/);
      expect(policy).toBe(policyId);
      expect(parseProductKey(key ?? "")).toEqual({ ok: true, value: key });
    }

    const sample = rows[12_345]?.[1] ?? "";
    const shown = await runCli(["licenses", "show", sample, "--json"], server.env);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: rows[12_345]?.[0], policyId });
  });

  it("refuses to overwrite a file unless --force, and then leaves it 0600", async () => {
    const out = join(work, "existing.csv");
    await writeFile(out, "precious\n", { mode: 0o644 });
    const refused = await runCli(
      ["keys", "generate", "--policy", policyId, "--count", "2", "--out", out],
      server.env,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("Error OUTPUT_EXISTS");
    expect(await readFile(out, "utf8")).toBe("precious\n");

    const forced = await runCli(
      ["keys", "generate", "--policy", policyId, "--count", "2", "--out", out, "--force", "--json"],
      server.env,
    );
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ count: 2, policyId, out });
    expect((await readFile(out, "utf8")).split("\n")).toHaveLength(4);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
  });

  it("writes the CSV to stdout without --out, the summary and progress to stderr, owners set by --email", async () => {
    const run = await runCli(
      ["keys", "generate", "--policy", policyId, "--count", "3", "--email", "buyer@example.com"],
      server.env,
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(run.stderr).toContain("Generated 3 keys");
    const key = lines[1]?.split(",")[1] ?? "";
    const shown = JSON.parse((await runCli(["licenses", "show", key, "--json"], server.env)).stdout);
    expect(shown.ownerEmail).toBe("buyer@example.com");
  });

  it("keeps the complete lines when interrupted with Ctrl-C (exit 130)", async () => {
    // A server in its own process: this test's event loop must stay free to send the signal in time.
    const own = await serveInChild(join(work, "own-data"));
    try {
      const out = join(work, "interrupted.csv");
      const args = ["keys", "generate", "--policy", own.policyId, "--count", "100000", "--out", out];
      const child = spawn(process.execPath, [BIN, ...args], {
        env: { PATH: process.env.PATH ?? "", NINSHO_URL: own.url, NINSHO_TOKEN: own.token },
      });
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (text: string) => {
        stderr += text;
        if (stderr.includes("keys:") && !child.killed) child.kill("SIGINT");
      });
      const code = await new Promise<number | null>((done) => child.on("close", done));
      expect(stderr).toContain("Error INTERRUPTED");
      expect(code).toBe(130);
      const written = Number(/Interrupted after (\d+) keys were received/.exec(stderr)?.[1]);
      expect(written).toBeGreaterThanOrEqual(10_000);
      expect(written).toBeLessThan(100_000);
      const text = await readFile(out, "utf8");
      expect(text.endsWith("\n")).toBe(true);
      expect(text.split("\n")).toHaveLength(written + 2);
    } finally {
      await own.stop();
    }
  });

  it("leaves no file behind when the API refuses (unknown policy, exit 3)", async () => {
    const out = join(work, "never.csv");
    const run = await runCli(
      ["keys", "generate", "--policy", "pol_nope", "--count", "5", "--out", out],
      server.env,
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("Error POLICY_NOT_FOUND");
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
  });
});
