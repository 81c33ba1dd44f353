/**
 * `ninsho licenses extend` with a support token: the goodwill extension (up to 30 days) goes through, more is
 * refused with the catalogue's words and exit 3, in English and Japanese.
 */
import type { AdminLicense } from "@ninsho/contract";
import { describe as catalogueText } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, runCli, startTestServer, type TestServer } from "./support/harness.js";

const DAY_MS = 86_400_000;
let server: TestServer;
let asSupport: Record<string, string>;
let licenseId: string;
let expiresAt: string;

beforeAll(async () => {
  server = await startTestServer();
  const created = await runCli(["tokens", "create", "--name", "desk", "--role", "support"], server.env);
  asSupport = { ...server.env, NINSHO_TOKEN: created.stdout.split("\n")[0] ?? "" };
  const demoKey = server.server.seeded?.demoKey ?? "";
  licenseId = json<AdminLicense>(await runCli(["licenses", "show", demoKey, "--json"], server.env)).id;
  // Whole seconds: `--until` takes an ISO time, and the expiry the server keeps is compared to the millisecond.
  expiresAt = new Date(Math.ceil((Date.now() + 10 * DAY_MS) / 1000) * 1000).toISOString();
  const set = ["licenses", "extend", licenseId, "--until", expiresAt, "--reason", "term"];
  expect((await runCli(set, server.env)).code).toBe(0);
});
afterAll(async () => {
  await server.close();
});

const plusDays = (days: number) => new Date(Date.parse(expiresAt) + days * DAY_MS).toISOString();

describe("support's goodwill extension through the CLI", () => {
  it("refuses more than 30 days past the expiry with the code's words, exit 3, in English and Japanese", async () => {
    const args = ["licenses", "extend", licenseId, "--until", plusDays(45), "--reason", "goodwill"];
    const run = await runCli(args, asSupport);
    expect(run.code).toBe(3);
    const text = catalogueText("EXTENSION_BEYOND_SUPPORT_LIMIT", "en", {
      why: "beyond",
      requested: plusDays(45),
      current: expiresAt,
      latest: plusDays(30),
      days: 30,
    });
    expect(run.stderr).toContain(`Error EXTENSION_BEYOND_SUPPORT_LIMIT: ${text.message}`);
    expect(run.stderr).toContain(`What to do: ${text.remedy}`);
    const ja = await runCli(args, { ...asSupport, LANG: "ja_JP.UTF-8" });
    expect(ja.code).toBe(3);
    expect(ja.stderr).toContain(
      "エラー EXTENSION_BEYOND_SUPPORT_LIMIT: サポートはこの有効期限を設定できません",
    );
    const perpetual = await runCli(["licenses", "extend", licenseId, "--never", "--reason", "x"], asSupport);
    expect(perpetual.code).toBe(3);
    expect(perpetual.stderr).toContain("a support token cannot make a license perpetual");
  });

  it("extends by a few days with a support token, then refuses a second extension within 30 days", async () => {
    const args = ["licenses", "extend", licenseId, "--until", plusDays(5), "--reason", "goodwill", "--json"];
    const done = await runCli(args, asSupport);
    expect(done.stderr).toBe("");
    expect(json<AdminLicense>(done).expiresAt).toBe(plusDays(5));
    const again = await runCli(
      ["licenses", "extend", licenseId, "--until", plusDays(7), "--reason", "x"],
      asSupport,
    );
    expect(again.code).toBe(3);
    expect(again.stderr).toContain(
      "Error SUPPORT_EXTENSION_TOO_SOON: Support already extended this license on",
    );
    expect(again.stderr).toContain("What to do: Ask an admin to extend it, or extend it again from");
  });
});
