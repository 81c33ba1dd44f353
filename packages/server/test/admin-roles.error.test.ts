import { type Role, roles } from "@ninsho/core";
import { beforeAll, describe, expect, it } from "vitest";
import { call, errorOf, get } from "./support/http.js";
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

const rank: Record<Role, number> = { readonly: 0, support: 1, admin: 2 };

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

  describe("error", () => {
    it("every admin route refuses a request without a token: 401 UNAUTHENTICATED", async () => {
      for (const op of operations) {
        const res = await send(op, {});
        expect(res.status, `${op.method} ${op.path}`).toBe(401);
        expect(errorOf(res).code).toBe("UNAUTHENTICATED");
      }
    });

    it("a lower role is refused with 403 FORBIDDEN on every route that needs more (readonly on every write)", async () => {
      let refusals = 0;
      for (const op of operations) {
        for (const role of roles.filter((r) => rank[r] < rank[op.role])) {
          const res = await send(op, { authorization: `Bearer ${tokens[role]}` });
          expect(res.status, `${role} on ${op.method} ${op.path}`).toBe(403);
          const error = errorOf(res);
          expect(error.code).toBe("FORBIDDEN");
          expect(error.message).toContain(op.role);
          refusals++;
        }
      }
      const writes = operations.filter((op) => op.method !== "GET").length;
      expect(refusals).toBeGreaterThanOrEqual(writes);
    });
  });
});
