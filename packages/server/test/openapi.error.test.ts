/**
 * Error answers have the documented error shape, and a route test cannot pass on an answer the document does
 * not describe: every answer read through `call` (support/http.ts) is checked by ajv against the committed
 * document, every object closed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { documentedMismatches } from "../../../testing/openapi.js";
import { machine } from "./support/fingerprints.js";
import { type Answer, get, post, type Requestable } from "./support/http.js";
import { type TestServer, useServers } from "./support/server.js";

describe("OpenAPI document", () => {
  const servers = useServers("all");
  let t: TestServer;

  beforeAll(async () => {
    t = await servers.start();
  });

  /** Check an answer against the document for its operation and status (ajv, extra fields rejected). */
  function expectDocumented(method: string, path: string, res: Answer): void {
    expect(documentedMismatches(method, path, res.status, res.body)).toEqual([]);
  }

  /** The app, with `change` applied to every JSON answer it gives: a route that answers what it should not. */
  const altered = (change: (body: Record<string, unknown>) => unknown): Requestable => ({
    async request(path, init) {
      const res = await t.app.request(path, init);
      const body = (await res.json()) as Record<string, unknown>;
      return Response.json(change(body), { status: res.status, headers: res.headers });
    },
  });

  describe("error", () => {
    it("error answers have the documented error shape", async () => {
      const c = await t.catalogue({ maxDevices: 1 });
      await t.activated(c.key, machine("full"));
      const errors: [string, string, Answer][] = [
        ["POST", "/v1/activations", await t.activate(c.key, machine("refused"))],
        ["POST", "/v1/activations", await post(t.app, "/v1/activations", { key: 1 })],
        ["POST", "/v1/validate", await t.validate({ lease: "x.y.z" }, machine("x"))],
        ["GET", "/v1/admin/licenses/{id}", await t.adminGet("/v1/admin/licenses/lic_nope")],
        ["POST", "/v1/admin/products", await post(t.app, "/v1/admin/products", { name: "x" })],
      ];
      for (const [method, path, res] of errors) {
        expect(res.status).toBeGreaterThanOrEqual(400);
        expectDocumented(method, path, res);
      }
    });

    it("a route test fails on an answer with a field the document does not declare, or without one it does", async () => {
      await expect(get(t.app, "/healthz")).resolves.toMatchObject({ status: 200 });
      const leaky = altered((body) => ({ ...body, internalId: 7 }));
      await expect(get(leaky, "/healthz")).rejects.toThrow(/breaks the OpenAPI document[\s\S]*internalId/);
      const refusal = altered((body) => ({ error: { ...(body.error as object), stack: "at x" } }));
      await expect(post(refusal, "/v1/activations", { key: 1 })).rejects.toThrow(/stack/);
      const lossy = altered(({ database: _, ...body }) => body);
      await expect(get(lossy, "/healthz")).rejects.toThrow(/database/);
    });
  });
});
