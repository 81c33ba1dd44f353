import { type Role, roles } from "@ninsho/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  adminOperations,
  concrete,
  type OpenApiDocument,
  type Operation,
  rank,
} from "./support/adminOperations.js";
import { call, errorOf, get } from "./support/http.js";
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
