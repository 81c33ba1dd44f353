/**
 * The volume chain through the `ninsho` command: the customer's IT makes the relay's key pair and request file
 * (`relay init`), the vendor signs a grant for it (`grants issue`), devices activate against the relay, the
 * relay writes its signed usage report (`relay report`) and the vendor imports it (`usage-reports import`).
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deviceSecretText, newDeviceSecret, signDeviceProof } from "@ninsho/core";
import { openRelay, startRelay } from "@ninsho/relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startTestServer, type TestServer } from "../admin/support/harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function api(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await res.json()) as Record<string, unknown>;
}

/** A volume license of the seeded product. */
async function volumeLicense(maxDevices: number): Promise<string> {
  const { products } = (await api("GET", "/v1/admin/products")) as { products: { id: string }[] };
  const productId = products[0]?.id;
  const policy = await api("POST", "/v1/admin/policies", {
    productId,
    name: "Volume",
    channel: "volume",
    maxDevices,
  });
  const issued = await api("POST", "/v1/admin/licenses", { policyId: policy.id, count: 1 });
  return String((issued.licenses as { id: string }[])[0]?.id);
}

async function activate(url: string) {
  const secret = newDeviceSecret();
  const body = {
    fingerprint: {
      collector: "test/1",
      components: [{ kind: "board", digest: randomBytes(32).toString("hex") }],
    },
    device: { name: "line-1", platform: "linux" },
    deviceSecret: deviceSecretText(secret),
  };
  const proof = signDeviceProof(secret, { path: "/v1/activations", body, at: new Date() });
  const res = await fetch(`${url}/v1/activations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...body, proof }),
  });
  return res.status;
}

describe("ninsho relay, grants and usage-reports", () => {
  it("goes from a relay's request file to its usage report in the vendor's timeline", async () => {
    const licenseId = await volumeLicense(3);
    const dir = server.dir;
    const jwks = join(dir, "jwks.json");
    writeFileSync(jwks, await (await fetch(`${server.url}/.well-known/jwks.json`)).text());
    const data = join(dir, "relay-data");
    const init = await runCli(["relay", "init", "--data", data, "--vendor-keys", jwks], server.env);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain("relay-request.json");
    expect(statSync(join(data, "relay.key")).mode & 0o777).toBe(0o600);

    const grant = join(dir, "plant4.grant");
    const issued = await runCli(
      [
        "grants",
        "issue",
        "--license",
        licenseId,
        "--request",
        join(data, "relay-request.json"),
        "--customer",
        "Plant 4",
        "--expires",
        "2099-01-01",
        "--out",
        grant,
      ],
      server.env,
    );
    expect(issued.code).toBe(0);
    expect(issued.stdout).toMatch(/^Grant vgr_\S+ for 3 devices/);
    expect(existsSync(grant)).toBe(true);

    const ctx = openRelay({ dataDir: data, grantFile: grant });
    if (!ctx.ok) throw new Error(ctx.error.code);
    const running = await startRelay(ctx.value, { port: 0, host: "127.0.0.1" });
    expect(await activate(running.url)).toBe(201);
    expect(await activate(running.url)).toBe(201);
    await running.close();

    const out = join(dir, "usage.json");
    const reported = await runCli(
      ["relay", "report", "--grant", grant, "--data", data, "--out", out],
      server.env,
    );
    expect(reported.code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8"))).toMatchObject({ format: "ninsho-usage-report/1" });
    const imported = await runCli(["usage-reports", "import", out], server.env);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^Imported report urp_\S+: 2 of 3 devices/);
    const ja = await runCli(["usage-reports", "import", out], { ...server.env, LC_ALL: "ja_JP.UTF-8" });
    expect(ja.stdout).toContain("既に取り込み済みです");
  });

  it("refuses to serve a grant the vendor did not sign, with its code (exit 1)", async () => {
    const dir = server.dir;
    const jwks = join(dir, "jwks2.json");
    writeFileSync(jwks, await (await fetch(`${server.url}/.well-known/jwks.json`)).text());
    const data = join(dir, "relay-data-2");
    expect((await runCli(["relay", "init", "--data", data, "--vendor-keys", jwks], server.env)).code).toBe(0);
    const forged = join(dir, "forged.grant");
    writeFileSync(forged, "eyJhbGciOiJFZERTQSJ9.e30.AAAA");
    const refused = await runCli(["relay", "--grant", forged, "--data", data, "--port", "0"], server.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("RELAY_GRANT_INVALID");
    const missing = await runCli(["relay", "--data", data], server.env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("USAGE_REQUIRED_OPTION");
  });
});
