import type { Policy, Product } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, runCli, startTestServer, type TestServer } from "./support/harness.js";

let server: TestServer;
let product: Product;
beforeAll(async () => {
  server = await startTestServer();
  product = json<Product>(await runCli(["products", "create", "--name", "CAD", "--json"], server.env));
});
afterAll(async () => {
  await server.close();
});

const create = (channel: string, ...rest: string[]) =>
  runCli(
    [
      "policies",
      "create",
      "--product",
      product.id,
      "--name",
      `${channel} pool`,
      "--channel",
      channel,
      ...rest,
    ],
    server.env,
  );

describe("ninsho policies create: seat policies", () => {
  it("creates a floating policy with seats, timeout, overage and borrowing, and shows them", async () => {
    const args = [
      "--seats",
      "20",
      "--heartbeat-timeout",
      "2m",
      "--overage",
      "10%/24h",
      "--borrow-max-days",
      "14",
    ];
    const policy = json<Policy>(await create("floating", ...args, "--json"));
    expect(policy).toMatchObject({
      channel: "floating",
      seats: 20,
      heartbeatTimeoutSeconds: 120,
      overage: { percent: 10, hours: 24 },
      borrowMaxDays: 14,
    });

    const shown = await runCli(["policies", "show", policy.id], server.env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^Seats\s+20$/m);
    expect(shown.stdout).toMatch(/^Heartbeat timeout\s+2m$/m);
    expect(shown.stdout).toMatch(/^Overage\s+10%\/1d$/m);
    expect(shown.stdout).toMatch(/^Longest borrowing\s+14d$/m);

    const ja = await runCli(["policies", "show", policy.id], { ...server.env, LANG: "ja_JP.UTF-8" });
    expect(ja.stdout).toMatch(/^シート数\s+20$/m);
    expect(ja.stdout).toMatch(/^ハートビートのタイムアウト\s+2m$/m);
  });

  it("creates a workload policy with the server's default timeout, and no borrowing line", async () => {
    const created = await create("workload", "--seats", "5", "--overage", "20%/2h");
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Seats\s+5$/m);
    expect(created.stdout).toMatch(/^Heartbeat timeout\s+30s$/m);
    expect(created.stdout).toMatch(/^Overage\s+20%\/2h$/m);
    expect(created.stdout).not.toContain("Longest borrowing");
  });

  it("shows no seat lines for a device policy", async () => {
    const created = await create("retail", "--max-devices", "2");
    expect(created.code).toBe(0);
    expect(created.stdout).not.toMatch(/^Seats/m);
  });
});
