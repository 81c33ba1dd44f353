import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startTestServer, type TestServer } from "./support/harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

// prd_nope: a usage problem must stop the command before any request (it would be PRODUCT_NOT_FOUND, exit 3).
const create = (channel: string, rest: string[], env: Record<string, string> = server.env) =>
  runCli(["policies", "create", "--product", "prd_nope", "--name", "n", "--channel", channel, ...rest], env);

describe("ninsho policies create: seat options refused before any request (exit 2)", () => {
  it("a floating or workload policy without --seats", async () => {
    const run = await create("floating", ["--heartbeat-timeout", "2m"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Error USAGE_REQUIRED_OPTION");
    expect(run.stderr).toContain("ninsho policies create --channel floating needs the option --seats <n>.");
    const ja = await create("workload", [], { ...server.env, LANG: "ja_JP.UTF-8" });
    expect(ja.code).toBe(2);
    expect(ja.stderr).toContain("オプション --seats <n> が必要です");
  });

  it("seat options on a device channel, and borrowing on a workload policy", async () => {
    const seats = await create("retail", ["--seats", "3"]);
    expect(seats.code).toBe(2);
    expect(seats.stderr).toContain("--seats <n> and --channel retail cannot be used together.");
    const borrow = await create("workload", ["--seats", "3", "--borrow-max-days", "5"]);
    expect(borrow.code).toBe(2);
    expect(borrow.stderr).toContain("--borrow-max-days <n> and --channel workload cannot be used together.");
    const ja = await create("oem", ["--overage", "10%/24h"], { ...server.env, LANG: "ja_JP.UTF-8" });
    expect(ja.stderr).toContain("--overage <share/window> と --channel oem は同時に使えません。");
  });

  it.each([
    ["--seats", "0", "--seats must be a whole number from 1 to 1000000."],
    ["--heartbeat-timeout", "1s", "--heartbeat-timeout must be a duration from 2s to 7d, e.g. 2m."],
    ["--heartbeat-timeout", "8d", "--heartbeat-timeout must be a duration from 2s to 7d, e.g. 2m."],
    ["--overage", "10%", "Expected a share of the pool and a window, e.g. 10%/24h"],
    ["--overage", "0%/24h", "Expected a share of the pool and a window"],
    ["--overage", "101%/24h", "Expected a share of the pool and a window"],
    ["--overage", "10%/30m", "Expected a share of the pool and a window"],
    ["--overage", "10%/31d", "Expected a share of the pool and a window"],
    ["--borrow-max-days", "366", "--borrow-max-days must be a whole number from 1 to 365."],
  ])("%s %s", async (option, value, reason) => {
    const run = await create("floating", ["--seats", "2", option, value]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Error USAGE_INVALID_VALUE");
    expect(run.stderr).toContain(reason);
  });

  it("words a bad overage in Japanese", async () => {
    const run = await create("floating", ["--seats", "2", "--overage", "lots"], {
      ...server.env,
      LANG: "ja_JP.UTF-8",
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("プールに対する割合と期間を指定してください");
  });
});
