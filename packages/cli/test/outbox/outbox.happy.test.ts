/**
 * `ninsho outbox`: a local install without a mail server. A user signs up on the running server; the operator
 * reads the verification mail with the CLI on the server machine, and its link verifies the account.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, runCli, startTestServer, type TestServer } from "../admin/support/harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const postJson = async (path: string, body: unknown, lang = "en") => {
  const res = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": lang },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
};

describe("ninsho outbox", () => {
  describe("happy", () => {
    it("lists the kept mail and shows one whose link verifies the account", async () => {
      const signUp = await postJson(
        "/v1/accounts",
        { email: "aiko@example.jp", password: "correct horse battery" },
        "ja",
      );
      expect(signUp.status).toBe(201);
      const env = { LANG: "en_US.UTF-8" };

      const list = await runCli(["outbox", "list", "--data", server.dir], env);
      expect(list.code).toBe(0);
      expect(list.stdout).toMatch(/^mail_\w+ {2}\S+ {2}verify +aiko@example\.jp {2}メールアドレスの確認$/m);
      const [listed] = json<{ id: string; template: string; to: string }[]>(
        await runCli(["outbox", "list", "--data", server.dir, "--json"], env),
      );
      expect(listed).toMatchObject({ template: "verify", to: "aiko@example.jp", language: "ja" });
      expect(listed).not.toHaveProperty("text");

      const show = await runCli(["outbox", "show", listed?.id ?? "", "--data", server.dir], env);
      expect(show.code).toBe(0);
      expect(show.stdout).toContain("To: aiko@example.jp");
      const token = /#token=([\w-]+)/.exec(show.stdout)?.[1];
      expect(token).toBeDefined();
      expect((await postJson("/v1/accounts/verify", { token })).status).toBe(200);
    });
  });

  describe("error", () => {
    it("refuses a folder with no database, and an unknown mail id, with exit 1", async () => {
      const env = { LANG: "en_US.UTF-8" };
      const nowhere = await runCli(["outbox", "list", "--data", `${server.dir}/nothing-here`], env);
      expect(nowhere.code).toBe(1);
      expect(nowhere.stderr).toContain("no database at");
      const missing = await runCli(["outbox", "show", "mail_nothing", "--data", server.dir], env);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain("no mail mail_nothing");
    });
  });

  describe("security", () => {
    it("the kept mail is sealed: the database file holds no link token; a wrong master key opens nothing", async () => {
      const { readFileSync } = await import("node:fs");
      const env = { LANG: "en_US.UTF-8" };
      const [mail] = json<{ id: string }[]>(
        await runCli(["outbox", "list", "--data", server.dir, "--json"], env),
      );
      const shown = await runCli(["outbox", "show", mail?.id ?? "", "--data", server.dir], env);
      const token = /#token=([\w-]+)/.exec(shown.stdout)?.[1] ?? "missing";
      const raw = ["ninsho.db", "ninsho.db-wal"]
        .map((name) => {
          try {
            return readFileSync(`${server.dir}/${name}`).toString("latin1");
          } catch {
            return "";
          }
        })
        .join("");
      expect(raw).not.toContain(token);
      const wrongKey = await runCli(["outbox", "list", "--data", server.dir], {
        ...env,
        NINSHO_MASTER_KEY: "ab".repeat(32),
      });
      expect(wrongKey.code).toBe(1);
      expect(wrongKey.stdout).toBe("");
      expect(wrongKey.stderr).toContain("the master key does not open the outbox's mail");
    });
  });
});
