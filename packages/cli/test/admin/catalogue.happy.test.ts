import type { Policy, Product } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, runCli, startTestServer, type TestServer } from "./support/harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe("ninsho products", () => {
  it("creates, lists and shows a product, in words and as JSON", async () => {
    const created = await runCli(["products", "create", "--name", "Photo Studio"], server.env);
    expect(created.code).toBe(0);
    const id = /Created product (prd_\w+)\./.exec(created.stdout)?.[1];
    expect(id).toBeDefined();

    const list = await runCli(["products", "list"], server.env);
    expect(list.stdout).toMatch(/^ID\s+Name\s+Created$/m);
    expect(list.stdout).toContain("Photo Studio");

    const listed = json<{ products: Product[] }>(await runCli(["products", "list", "--json"], server.env));
    expect(listed.products.map((p) => p.name)).toEqual(["Ninsho Demo", "Photo Studio"]);

    const shown = await runCli(["products", "show", String(id)], server.env);
    expect(shown.stdout).toContain("Public keys:");
    expect(shown.stdout).toMatch(/sk_\w+\s+[\w-]{43}\s/);
    const detail = json<Product & { publicKeys: unknown[] }>(
      await runCli(["products", "show", String(id), "--json"], server.env),
    );
    expect(detail).toMatchObject({ id, name: "Photo Studio" });
    expect(detail.publicKeys).toHaveLength(1);
  });
});

describe("ninsho policies", () => {
  it("creates a policy from every option, converting durations, dates and weights", async () => {
    const product = json<Product>(
      await runCli(["products", "create", "--name", "Editor", "--json"], server.env),
    );
    const args = [
      ["policies", "create", "--product", product.id, "--name", "Retail, 2 PCs", "--channel", "retail"],
      ["--max-devices", "2", "--lease", "7d", "--grace", "14d", "--expires", "365d", "--threshold", "0.55"],
      ["--weights", "board=30,disk=20", "--no-transfer", "--transfers-per-year", "0"],
      ["--entitlement", "pro", "--entitlement", "export", "--json"],
    ].flat();
    const policy = json<Policy>(await runCli(args, server.env));
    expect(policy).toMatchObject({
      productId: product.id,
      name: "Retail, 2 PCs",
      channel: "retail",
      maxDevices: 2,
      leaseSeconds: 7 * 86_400,
      graceSeconds: 14 * 86_400,
      expiry: { kind: "duration", seconds: 365 * 86_400 },
      matchThreshold: 0.55,
      componentWeights: { board: 30, disk: 20 },
      transferable: false,
      transfersPerYear: 0,
      entitlements: ["pro", "export"],
    });

    const shown = await runCli(["policies", "show", policy.id], server.env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^Lease\s+7d$/m);
    expect(shown.stdout).toMatch(/^Expiry\s+365d after the first activation$/m);
    expect(shown.stdout).toMatch(/^Component weights\s+board=30,disk=20$/m);
    expect(shown.stdout).toMatch(/^Transferable\s+no$/m);

    const ja = await runCli(["policies", "show", policy.id], { ...server.env, LANG: "ja_JP.UTF-8" });
    expect(ja.stdout).toMatch(/^最大デバイス数\s+2$/m);

    const fixed = json<Policy>(
      await runCli(
        ["policies", "create", "--product", product.id, "--name", "Trial", "--channel", "trial"].concat([
          "--expires",
          "2027-01-01",
          "--json",
        ]),
        server.env,
      ),
    );
    expect(fixed.expiry).toEqual({ kind: "fixed", at: "2027-01-01T00:00:00.000Z" });

    const listed = json<{ policies: Policy[] }>(
      await runCli(["policies", "list", "--product", product.id, "--json"], server.env),
    );
    expect(listed.policies.map((p) => p.name).sort()).toEqual(["Retail, 2 PCs", "Trial"]);
    const all = await runCli(["policies", "list"], server.env);
    expect(all.stdout).toContain("Demo retail (3 devices)");
    expect(all.stdout).toContain("Trial");
  });

  it("refuses a bad duration before any request, naming the option (exit 2)", async () => {
    const run = await runCli(
      ["policies", "create", "--product", "prd_x", "--name", "n", "--channel", "retail", "--lease", "7x"],
      server.env,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--lease <duration>");
  });

  it("passes the API's refusal on with exit 3: an unknown product", async () => {
    const run = await runCli(
      ["policies", "create", "--product", "prd_nope", "--name", "n", "--channel", "oem"],
      server.env,
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("Error PRODUCT_NOT_FOUND");
  });
});
