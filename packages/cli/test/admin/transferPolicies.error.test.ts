/** A nonsensical transfer allowance is refused before any request (exit 2), in the user's language. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startTestServer, type TestServer } from "./support/harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

// prd_nope / pol_nope: a usage problem must stop the command before any request (it would be a 404, exit 3).
const create = (rest: string[], env: Record<string, string> = server.env) =>
  runCli(["policies", "create", "--product", "prd_nope", "--name", "n", "--channel", "retail", ...rest], env);
const update = (rest: string[], env: Record<string, string> = server.env) =>
  runCli(["policies", "update", "pol_nope", "--reason", "r", ...rest], env);

describe("ninsho policies create|update: transfer options refused (exit 2)", () => {
  it.each([
    ["--transfers-per-year", "-1", "--transfers-per-year must be a whole number from 0 to 1000."],
    ["--transfers-per-year", "1001", "--transfers-per-year must be a whole number from 0 to 1000."],
    ["--transfers-per-year", "1.5", "--transfers-per-year must be a whole number from 0 to 1000."],
    ["--transfer-cooldown", "30", "--transfer-cooldown must be a duration from 0 to 365d, e.g. 2m."],
    ["--transfer-cooldown", "366d", "--transfer-cooldown must be a duration from 0 to 365d, e.g. 2m."],
    ["--transfer-cooldown", "-1d", "--transfer-cooldown must be a duration from 0 to 365d, e.g. 2m."],
  ])("%s %s", async (option, value, reason) => {
    for (const run of [create, update]) {
      const answer = await run([`${option}=${value}`]);
      expect(answer.code).toBe(2);
      expect(answer.stderr).toContain("Error USAGE_INVALID_VALUE");
      expect(answer.stderr).toContain(reason);
    }
  });

  it("an allowance with --no-transfer, in English and Japanese", async () => {
    const perYear = await create(["--no-transfer", "--transfers-per-year", "3"]);
    expect(perYear.code).toBe(2);
    expect(perYear.stderr).toContain("Error USAGE_CONFLICTING_OPTIONS");
    expect(perYear.stderr).toContain("--transfers-per-year <n> and --no-transfer cannot be used together.");
    const cooldown = await update(["--no-transfer", "--transfer-cooldown", "7d"], {
      ...server.env,
      LANG: "ja_JP.UTF-8",
    });
    expect(cooldown.code).toBe(2);
    expect(cooldown.stderr).toContain("--transfer-cooldown <duration> と --no-transfer は同時に使えません。");
    const ja = await create(["--transfer-cooldown", "2y"], { ...server.env, LANG: "ja_JP.UTF-8" });
    expect(ja.code).toBe(2);
    expect(ja.stderr).toContain("--transfer-cooldown には 0 から 365d までの期間を指定してください");
  });
});
