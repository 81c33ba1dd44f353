/** Bad `ninsho support-requests` input: usage errors (exit 2) before any request, the API's refusal (exit 3). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startTestServer, type TestServer } from "./support/harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe("ninsho support-requests: refusals", () => {
  it("an unknown status, a missing reason: exit 2, in English and Japanese", async () => {
    const status = await runCli(["support-requests", "list", "--status", "done"], server.env);
    expect(status.code).toBe(2);
    expect(status.stderr).toContain("USAGE_INVALID_VALUE");
    const reason = await runCli(["support-requests", "resolve", "sup_x"], {
      ...server.env,
      LANG: "ja_JP.UTF-8",
    });
    expect(reason.code).toBe(2);
    expect(reason.stderr).toContain("USAGE_REQUIRED_OPTION");
    expect(reason.stderr).toContain("--reason");
  });

  it("an unknown request: SUPPORT_REQUEST_NOT_FOUND with its remedy, exit 3", async () => {
    const run = await runCli(
      ["support-requests", "resolve", "sup_01JNOTHEREXXXXXXXXXXXXXXXX", "--reason", "x"],
      server.env,
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("SUPPORT_REQUEST_NOT_FOUND");
    expect(run.stderr).toContain("ninsho support-requests list");
  });
});
