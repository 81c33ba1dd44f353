import type { CreatedToken, Whoami } from "@ninsho/contract";
import type { AdminToken } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, runCli, startTestServer, type TestServer } from "./support/harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe("ninsho tokens and whoami", () => {
  it("says who the token in use is", async () => {
    const me = json<Whoami>(await runCli(["whoami", "--json"], server.env));
    expect(me.role).toBe("admin");
    const human = await runCli(["whoami"], server.env);
    expect(human.stdout.trim()).toBe(`Token ${me.tokenId}, role admin.`);
    const ja = await runCli(["whoami"], { ...server.env, LC_ALL: "ja_JP.UTF-8" });
    expect(ja.stdout.trim()).toBe(`トークン ${me.tokenId}、ロール admin。`);
  });

  it("creates a token shown once, lists it, and revokes it so it stops working", async () => {
    const created = await runCli(
      ["tokens", "create", "--name", "support desk", "--role", "support"],
      server.env,
    );
    expect(created.code).toBe(0);
    const token = created.stdout.split("\n")[0] ?? "";
    expect(token).toMatch(/^nsh_admin_/);
    expect(created.stderr).toContain("shown once");

    const asSupport = { ...server.env, NINSHO_TOKEN: token };
    const me = json<Whoami>(await runCli(["whoami", "--json"], asSupport));
    expect(me.role).toBe("support");

    const forbidden = await runCli(["tokens", "create", "--name", "x", "--role", "admin"], asSupport);
    expect(forbidden.code).toBe(3);
    expect(forbidden.stderr).toContain("Error FORBIDDEN");

    const listed = json<{ tokens: AdminToken[] }>(await runCli(["tokens", "list", "--json"], server.env));
    expect(listed.tokens.map((t) => t.name)).toEqual(["initial admin", "support desk"]);
    expect(JSON.stringify(listed)).not.toContain(token);
    const human = await runCli(["tokens", "list"], server.env);
    expect(human.stdout).toMatch(/^ID\s+Name\s+Role\s+Created\s+Last used\s+Revoked$/m);
    expect(human.stdout).toContain("support desk");

    const unconfirmed = await runCli(["tokens", "revoke", me.tokenId], server.env);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain("Error CONFIRMATION_REQUIRED");
    const revoked = await runCli(["tokens", "revoke", me.tokenId, "--yes"], server.env);
    expect(revoked.stdout.trim()).toBe(`Token ${me.tokenId} is revoked.`);
    const after = await runCli(["whoami"], asSupport);
    expect(after.code).toBe(3);
    expect(after.stderr).toContain("Error UNAUTHENTICATED");
  });

  it("creates readonly tokens as JSON, and refuses unknown roles (exit 2)", async () => {
    const created = json<CreatedToken>(
      await runCli(["tokens", "create", "--name", "ci", "--role", "readonly", "--json"], server.env),
    );
    expect(created).toMatchObject({ name: "ci", role: "readonly" });
    expect(created.token).toMatch(/^nsh_admin_/);
    const revoked = json<AdminToken>(
      await runCli(["tokens", "revoke", created.id, "--yes", "--json"], server.env),
    );
    expect(revoked.revokedAt).toBeDefined();
    const bad = await runCli(["tokens", "create", "--name", "x", "--role", "root"], server.env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Allowed choices are admin, support, readonly");
  });

  it("recovers a lost admin token on the server machine: a new admin token straight in the store, audited", async () => {
    const lost = { LANG: "en_US.UTF-8" };
    const recovered = await runCli(["tokens", "recover", "--data", server.dir], lost);
    expect(recovered.code).toBe(0);
    const token = recovered.stdout.trim();
    expect(token).toMatch(/^nsh_admin_[\w-]{43}$/);
    expect(recovered.stderr).toContain("shown once");
    const me = json<Whoami>(await runCli(["whoami", "--json"], { ...server.env, NINSHO_TOKEN: token }));
    expect(me.role).toBe("admin");
    const audit = await server.server.deps.store.audit.list();
    expect(audit.filter((entry) => entry.type === "token.recovered")).toEqual([
      expect.objectContaining({
        type: "token.recovered",
        actor: expect.stringMatching(/^operator:.+@.+$/),
        data: { tokenId: me.tokenId, name: "recovered admin", role: "admin" },
      }),
    ]);
    expect(JSON.stringify(audit)).not.toContain(token);

    const nowhere = await runCli(["tokens", "recover", "--data", `${server.dir}/nothing-here`], lost);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain("no database at");
  });
});
