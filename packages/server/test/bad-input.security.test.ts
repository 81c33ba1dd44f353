import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RateLimits } from "../src/security/rateLimits.js";
import { machine } from "./support/fingerprints.js";
import { post } from "./support/http.js";
import { expectSafeError } from "./support/safeAnswer.js";
import { aDevice, newNonce, useServers } from "./support/server.js";

const JSON_TYPE = { "content-type": "application/json" };

/** A valid activation body to spoil one field at a time. */
const activation = (key: string) => ({ key, fingerprint: machine("bad-input"), device: aDevice() });

describe("bad input", () => {
  const servers = useServers();

  describe("security", () => {
    it("survives hostile shapes: deep nesting, huge numbers, odd Unicode, duplicate keys", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const hostile = [
        `${"[".repeat(30_000)}${"]".repeat(30_000)}`,
        `{"a":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}`,
        JSON.stringify({
          key: c.key,
          fingerprint: { collector: "x", components: [{ kind: "board", digest: "f".repeat(128) }] },
          device: { name: "\u202e\ud800", platform: "🐧" },
        }),
        `{"key":"${c.key}","key":1e999}`,
        JSON.stringify({
          ...activation(c.key),
          fingerprint: {
            collector: "x",
            components: Array.from({ length: 65 }, () => ({ kind: "disk", digest: "ab".repeat(8) })),
          },
        }),
        JSON.stringify({
          ...activation(c.key),
          fingerprint: { ...machine("p"), previous: Array.from({ length: 5 }, () => machine("q")) },
        }),
      ];
      for (const raw of hostile) {
        for (const path of ["/v1/activations", "/v1/validate", "/v1/transfers", "/v1/deactivations"]) {
          const res = await post(t.app, path, undefined, { raw, headers: JSON_TYPE });
          expectSafeError(res, `${path} ${raw.slice(0, 40)}`);
          expect(res.status).toBeGreaterThanOrEqual(200);
        }
      }
    });

    it("fuzz: random JSON bodies never get a 5xx, a stack, or a code outside the catalogue", async () => {
      const t = await servers.start({
        limits: RateLimits.inMemory({ perClient: 1_000_000, global: 1_000_000, windowSeconds: 60 }),
      });
      const c = await t.catalogue();
      const fp = machine("fuzz");
      const { lease } = await t.activated(c.key, fp);
      const hex = fc.stringMatching(/^[0-9a-f]{16,64}$/);
      const component = fc.record({
        kind: fc.constantFrom("board", "disk", "mac", "Bad Kind", ""),
        digest: fc.oneof(hex, fc.string()),
      });
      const fingerprint = fc.oneof(
        fc.constant(fp),
        fc.record(
          {
            collector: fc.string(),
            components: fc.array(component, { maxLength: 5 }),
            previous: fc.anything(),
          },
          { requiredKeys: [] },
        ),
      );
      const nearValid = fc.record(
        {
          key: fc.oneof(fc.constant(c.key), fc.constant(c.key.toLowerCase()), fc.string(), fc.integer()),
          lease: fc.oneof(fc.constant(lease), fc.string(), fc.constant(`${lease}x`)),
          fingerprint,
          device: fc.oneof(fc.constant(aDevice()), fc.anything()),
          nonce: fc.oneof(fc.constant(newNonce()), fc.string()),
          replacesDeviceId: fc.string(),
          code: fc.string(),
        },
        { requiredKeys: [] },
      );
      const body = fc.oneof(
        fc.jsonValue(),
        nearValid,
        fc.anything().map((x) => ({ key: c.key, x })),
      );
      const path = fc.constantFrom("/v1/activations", "/v1/validate");
      await fc.assert(
        fc.asyncProperty(path, body, async (where, value) => {
          const raw = JSON.stringify(value) ?? "null";
          const res = await post(t.app, where, undefined, { raw, headers: JSON_TYPE });
          expectSafeError(res, `${where} ${raw.slice(0, 200)}`);
        }),
        { numRuns: 400 },
      );
    });

    it("an error body never reflects secrets sent with the request", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const res = await post(t.app, "/v1/activations", { key: c.key, fingerprint: "x", device: aDevice() });
      expect(res.status).toBe(400);
      expect(res.text).not.toContain(c.key);
      const admin = await post(t.app, "/v1/admin/products", { name: 1 }, { token: t.admin });
      expect(admin.text).not.toContain(t.admin);
    });
  });
});
