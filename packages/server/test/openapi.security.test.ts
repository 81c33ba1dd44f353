import { beforeAll, describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../../../testing/openapi.js";
import { get } from "./support/http.js";
import { type TestServer, useServers } from "./support/server.js";

describe("OpenAPI document", () => {
  const servers = useServers("all");
  let t: TestServer;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    t = await servers.start();
    doc = (await get<OpenApiDocument>(t.app, "/openapi.json")).body;
  });

  describe("security", () => {
    it("every admin operation declares the bearer scheme, every signed-in account operation the session; no device operation either, but a transfer takes a session or none", () => {
      const signedIn = (path: string) => path.startsWith("/v1/me") || path === "/v1/sessions/current";
      // A transfer is proven by a session or by the key with a mailed code: both alternatives are declared.
      const sessionOrKey = (path: string) => path === "/v1/transfers";
      for (const [path, methods] of Object.entries(doc.paths)) {
        for (const operation of Object.values(methods) as { security?: unknown }[]) {
          if (path.startsWith("/v1/admin")) expect(operation.security, path).toEqual([{ adminToken: [] }]);
          else if (signedIn(path)) expect(operation.security, path).toEqual([{ session: [] }]);
          else if (sessionOrKey(path)) expect(operation.security, path).toEqual([{ session: [] }, {}]);
          else expect(operation.security, path).toBeUndefined();
        }
      }
    });
  });
});
