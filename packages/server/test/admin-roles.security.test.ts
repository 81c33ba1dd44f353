import { type Role, roles } from "@ninsho/core";
import { beforeAll, describe, expect, it } from "vitest";
import { call, get } from "./support/http.js";
import { type TestServer, useServers } from "./support/server.js";

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly role: Role;
  readonly security: unknown;
}

interface OpenApiDocument {
  readonly paths: Record<string, Record<string, { description?: string; security?: unknown }>>;
}

/** Every admin operation of the OpenAPI document, with the role its description states. */
function adminOperations(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.startsWith("/v1/admin")) continue;
    for (const [method, operation] of Object.entries(methods)) {
      const role = /Requires role: (\w+)/.exec(operation.description ?? "")?.[1];
      if (!roles.includes(role as Role)) throw new Error(`${method} ${path} states no role`);
      operations.push({
        method: method.toUpperCase(),
        path,
        role: role as Role,
        security: operation.security,
      });
    }
  }
  return operations;
}

/** A concrete URL for an OpenAPI path: path parameters get an id that exists nowhere. */
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, "x_01JNOWHERE");

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
