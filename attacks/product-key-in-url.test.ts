/**
 * Capability: someone who reads URLs but not bodies — a proxy's or load balancer's access log, a browser's
 * history on the support desk's machine, a shell history.
 * Attack: harvest product keys from the URLs of admin lookups (`GET /v1/admin/licenses/lookup?key=…`), then
 * activate with them.
 * Expected outcome: no operation of the API takes a product key in its path or query (checked over the OpenAPI
 * document, so a new route cannot bring it back); the lookup is `POST` with the key in the body, and the old
 * URL form looks nothing up. Before the fix the lookup was a GET with the key in the query string.
 */
import { describe, expect, it } from "vitest";
import { get } from "../packages/server/test/support/http.js";
import { useServers } from "../packages/server/test/support/server.js";

interface Operation {
  readonly parameters?: readonly { readonly name: string; readonly in: string }[];
}

describe("attack: reading product keys from URLs", () => {
  const servers = useServers();

  it("no route takes a key in its URL, and the lookup answers only with the key in the body", async () => {
    const t = await servers.start();
    const doc = (await get<{ paths: Record<string, Record<string, Operation>> }>(t.app, "/openapi.json"))
      .body;
    const inUrl = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) =>
        (operation.parameters ?? [])
          .filter((p) => (p.in === "query" || p.in === "path") && /key/i.test(p.name))
          .map((p) => `${method.toUpperCase()} ${path} ${p.in}:${p.name}`),
      ),
    );
    expect(inUrl).toEqual([]);

    const c = await t.catalogue();
    const byUrl = await t.adminGet(`/v1/admin/licenses/lookup?key=${encodeURIComponent(c.key)}`);
    expect(byUrl.status).toBeGreaterThanOrEqual(400);
    expect(byUrl.text).not.toContain(c.licenseId);
    const byBody = await t.adminPost("/v1/admin/licenses/lookup", { key: c.key });
    expect([byBody.status, (byBody.body as { id?: string }).id]).toEqual([200, c.licenseId]);
  });
});
