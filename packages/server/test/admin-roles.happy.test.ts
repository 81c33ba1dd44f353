import { type Role, roles } from "@ninsho/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  adminOperations,
  concrete,
  type OpenApiDocument,
  type Operation,
  rank,
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

  describe("happy", () => {
    it("the document lists every admin route, each with the bearer scheme and a role", () => {
      expect(operations.length).toBeGreaterThanOrEqual(20);
      for (const op of operations)
        expect(op.security, `${op.method} ${op.path}`).toEqual([{ adminToken: [] }]);
      // The key lookup and the search are POSTs only so a key travels in the body, not the URL: they read, and
      // readonly may.
      const readsByPost = new Set(["/v1/admin/licenses/lookup", "/v1/admin/licenses/search"]);
      const writes = operations.filter((op) => op.method !== "GET" && !readsByPost.has(op.path));
      expect(writes.every((op) => op.role !== "readonly")).toBe(true);
    });

    it("a token with the route's role (or higher) gets past authentication and authorisation", async () => {
      for (const op of operations) {
        for (const role of roles.filter((r) => rank[r] >= rank[op.role])) {
          const res = await send(op, { authorization: `Bearer ${tokens[role]}` });
          expect([401, 403], `${role} on ${op.method} ${op.path}: ${res.text}`).not.toContain(res.status);
          expect(res.status, `${role} on ${op.method} ${op.path}`).toBeLessThan(500);
        }
      }
    });

    it("whoami tells each token its role", async () => {
      for (const role of roles) {
        const res = await get(t.app, "/v1/admin/whoami", { token: tokens[role] });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ role });
      }
    });
  });
});
