import { type Role, roles } from "@ninsho/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  adminOperations,
  concrete,
  type OpenApiDocument,
  type Operation,
} from "./support/adminOperations.js";
import { call, get } from "./support/http.js";
import { type TestServer, useServers } from "./support/server.js";

describe("admin roles", () => {
  const servers = useServers("all");
  let t: TestServer;
  let operations: Operation[];
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    t = await servers.start();
    const doc = await get<OpenApiDocument>(t.app, "/openapi.json");
    operations = adminOperations(doc.body);
    for (const role of roles) tokens[role] = (await t.token(role)).token;
  });

  const send = (op: Operation, headers: Record<string, string>) =>
    call(
      t.app,
      op.method,
      concrete(op.path),
      op.method === "GET" || op.method === "DELETE" ? undefined : {},
      {
        headers,
      },
    );

  describe("security", () => {
    it("a malformed, unknown or revoked token is refused on every route", async () => {
      const victim = await t.token("admin", "to be revoked");
      const revoke = await call(t.app, "DELETE", `/v1/admin/tokens/${victim.id}`, undefined, {
        token: t.admin,
      });
      expect(revoke.status).toBe(200);
      const bad = [
        `Bearer ${victim.token}`,
        "Bearer nsh_admin_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "Bearer not-a-token",
        `Basic ${Buffer.from(`admin:${tokens.admin}`).toString("base64")}`,
        tokens.admin,
        `Bearer ${tokens.admin} extra`,
      ];
      for (const op of operations) {
        for (const authorization of bad) {
          const res = await send(op, { authorization });
          expect(res.status, `${authorization.slice(0, 20)} on ${op.method} ${op.path}`).toBe(401);
        }
      }
    });

    it("public routes need no token, and an admin token gives them nothing extra", async () => {
      const res = await get(t.app, "/.well-known/jwks.json");
      expect(res.status).toBe(200);
      const health = await get(t.app, "/healthz");
      expect(health.status).toBe(200);
    });
  });
});
