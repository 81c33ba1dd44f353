import { describe, expect, it } from "vitest";
import { machine } from "./support/fingerprints.js";
import { errorOf, get, post } from "./support/http.js";
import { aDevice, useServers } from "./support/server.js";

/** A valid activation body to spoil one field at a time. */
const activation = (key: string) => ({ key, fingerprint: machine("bad-input"), device: aDevice() });

describe("bad input", () => {
  const servers = useServers();

  describe("happy", () => {
    it("accepts JSON with a charset and any case of the media type", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      for (const type of ["application/json; charset=utf-8", "Application/JSON"]) {
        const res = await post(t.app, "/v1/activations", undefined, {
          raw: JSON.stringify(activation(c.key)),
          headers: { "content-type": type },
        });
        expect(res.status, type).toBeLessThan(300);
      }
    });

    it("has the bench's floor route only when asked for", async () => {
      const plain = await servers.start();
      expect((await post(plain.app, "/_bench/floor", { a: 1 })).status).toBe(404);
      const bench = await servers.start({ app: { floorRoute: true } });
      const res = await post(bench.app, "/_bench/floor", { a: 1 });
      expect([res.status, res.body]).toEqual([200, { ok: true }]);
      const text = await post(bench.app, "/_bench/floor", undefined, {
        raw: "x",
        headers: { "content-type": "text/plain" },
      });
      expect(errorOf(text).code).toBe("UNSUPPORTED_MEDIA_TYPE");
    });

    it("keeps a sane caller request id and replaces anything else", async () => {
      const t = await servers.start();
      const kept = await get(t.app, "/healthz", { headers: { "x-request-id": "req-12345678" } });
      expect(kept.headers.get("x-request-id")).toBe("req-12345678");
      for (const given of ["short", "x".repeat(65), "bad id with spaces", "<script>"]) {
        const res = await get(t.app, "/healthz", { headers: { "x-request-id": given } });
        expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      }
    });
  });
});
