/** The transfer allowance of a policy from the command line: made, shown in both languages, changed. */
import type { Policy, Product } from "@ninsho/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, runCli, startTestServer, type TestServer } from "./support/harness.js";

let server: TestServer;
let productId: string;
beforeAll(async () => {
  server = await startTestServer();
  productId = json<Product>(await runCli(["products", "create", "--name", "Moves", "--json"], server.env)).id;
});
afterAll(async () => {
  await server.close();
});

const create = (rest: string[], env = server.env) =>
  runCli(
    ["policies", "create", "--product", productId, "--name", "Retail", "--channel", "retail", ...rest],
    env,
  );

describe("ninsho policies: the transfer allowance", () => {
  it("creates a policy with transfers per year and a cool-down, and shows both", async () => {
    const policy = json<Policy>(
      await create(["--transfers-per-year", "2", "--transfer-cooldown", "30d", "--json"]),
    );
    expect(policy).toMatchObject({
      transferable: true,
      transfersPerYear: 2,
      transferCooldownSeconds: 30 * 86_400,
    });

    const en = await runCli(["policies", "show", policy.id], server.env);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/Transfers per year\s+2/);
    expect(en.stdout).toMatch(/Transfer cool-down\s+30d/);
    const ja = await runCli(["policies", "show", policy.id], { ...server.env, LANG: "ja_JP.UTF-8" });
    expect(ja.stdout).toMatch(/年間移行回数\s+2/);
    expect(ja.stdout).toMatch(/移行後の待機期間\s+30d/);
  });

  it("updates the allowance, the cool-down and whether licenses move at all", async () => {
    const made = json<Policy>(await create(["--json"]));
    const args = ["policies", "update", made.id, "--transfers-per-year", "1", "--transfer-cooldown", "1w2d"];
    const updated = json<Policy>(await runCli([...args, "--reason", "fewer moves", "--json"], server.env));
    expect(updated).toMatchObject({
      transfersPerYear: 1,
      transferCooldownSeconds: 9 * 86_400,
      transferable: true,
    });

    const closed = json<Policy>(
      await runCli(
        ["policies", "update", made.id, "--no-transfer", "--reason", "support only", "--json"],
        server.env,
      ),
    );
    expect(closed).toMatchObject({ transferable: false, transfersPerYear: 1 });
    const reopened = json<Policy>(
      await runCli(
        [
          "policies",
          "update",
          made.id,
          "--transfer",
          "--transfer-cooldown",
          "0",
          "--reason",
          "open",
          "--json",
        ],
        server.env,
      ),
    );
    expect(reopened).toMatchObject({ transferable: true, transferCooldownSeconds: 0 });
  });

  it("leaves transferability as it is when neither --transfer nor --no-transfer is given", async () => {
    const made = json<Policy>(await create(["--no-transfer", "--json"]));
    expect(made.transferable).toBe(false);
    const renamed = json<Policy>(
      await runCli(
        ["policies", "update", made.id, "--name", "Renamed", "--reason", "typo", "--json"],
        server.env,
      ),
    );
    expect(renamed).toMatchObject({ name: "Renamed", transferable: false });
  });
});
