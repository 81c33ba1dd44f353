import { describe, expect, it } from "vitest";
import { machine } from "./support/fingerprints.js";
import { type Answer, call, errorOf, post } from "./support/http.js";
import { aDevice, useServers } from "./support/server.js";

const JSON_TYPE = { "content-type": "application/json" };
const issuePaths = (res: Answer) =>
  ((errorOf(res).details as { issues?: { path: string }[] } | undefined)?.issues ?? []).map((i) => i.path);

/** A valid activation body to spoil one field at a time. */
const activation = (key: string) => ({ key, fingerprint: machine("bad-input"), device: aDevice() });

describe("bad input", () => {
  const servers = useServers();

  describe("error", () => {
    it("malformed JSON is 400 BODY_MALFORMED", async () => {
      const t = await servers.start();
      for (const raw of ["{", "{'key': 1}", '{"key": "x",}', "", "NaN", '{"key": undefined}', "\u0000"]) {
        for (const path of ["/v1/activations", "/v1/validate", "/v1/admin/products"]) {
          const res = await post(t.app, path, undefined, { raw, headers: JSON_TYPE, token: t.admin });
          expect([res.status, errorOf(res).code], `${path} ${JSON.stringify(raw)}`).toEqual([
            400,
            "BODY_MALFORMED",
          ]);
        }
      }
    });

    it("wrong types, missing and unknown fields are 400 VALIDATION_FAILED naming the field", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const good = activation(c.key);
      const cases: [string, unknown][] = [
        ["key", { ...good, key: 12345 }],
        ["key", { fingerprint: good.fingerprint, device: good.device }],
        ["device", { key: c.key, fingerprint: good.fingerprint }],
        ["device.name", { ...good, device: { platform: "linux" } }],
        ["device.name", { ...good, device: { name: "x".repeat(129), platform: "linux" } }],
        ["device.extra", { ...good, device: { ...good.device, extra: 1 } }],
        ["fingerprint.components", { ...good, fingerprint: { collector: "x", components: [] } }],
        [
          "fingerprint.components.0.digest",
          { ...good, fingerprint: { collector: "x", components: [{ kind: "board", digest: "not hex" }] } },
        ],
        [
          "fingerprint.components.0.kind",
          {
            ...good,
            fingerprint: { collector: "x", components: [{ kind: "Board!", digest: "ab".repeat(16) }] },
          },
        ],
        ["fingerprint.collector", { ...good, fingerprint: { ...good.fingerprint, collector: 7 } }],
        ["fingerprint.serial", { ...good, fingerprint: { ...good.fingerprint, serial: "ABC123" } }],
        ["admin", { ...good, admin: true }],
        [
          "__proto__",
          JSON.parse(
            `{"key":"${c.key}","fingerprint":${JSON.stringify(good.fingerprint)},"device":${JSON.stringify(good.device)},"__proto__":{"admin":true}}`,
          ),
        ],
        ["nonce", { ...good, nonce: "!" }],
        // A lone surrogate cannot be put under a signature (RFC 8785): refused before anything is stored.
        ["device.name", { ...good, device: { name: "\u202e\ud800", platform: "linux" } }],
        ["fingerprint.collector", { ...good, fingerprint: { ...good.fingerprint, collector: "x\udc00" } }],
      ];
      for (const [field, body] of cases) {
        const res = await post(t.app, "/v1/activations", body);
        expect([res.status, errorOf(res).code], field).toEqual([400, "VALIDATION_FAILED"]);
        expect(issuePaths(res), field).toContain(field);
        expect(errorOf(res).message, field).toContain(field);
      }
      const validate = await post(t.app, "/v1/validate", {
        key: c.key,
        fingerprint: good.fingerprint,
        nonce: 5,
      });
      expect(issuePaths(validate)).toContain("nonce");
      const license = await t.adminGet(`/v1/admin/licenses/${c.licenseId}`);
      expect(license.body).toMatchObject({ devices: [] });
    });

    it("a body over 64 KiB is 413 BODY_TOO_LARGE, with or without a Content-Length", async () => {
      const t = await servers.start();
      const big = JSON.stringify({ key: "B".repeat(64 * 1024) });
      for (const path of ["/v1/activations", "/v1/validate", "/v1/admin/products"]) {
        const res = await post(t.app, path, undefined, { raw: big, headers: JSON_TYPE, token: t.admin });
        expect([res.status, errorOf(res).code], path).toEqual([413, "BODY_TOO_LARGE"]);
        expect(errorOf(res).message).toContain("65536");
      }
      const bytes = new TextEncoder().encode(big);
      const streamed = await t.app.request("/v1/activations", {
        method: "POST",
        headers: JSON_TYPE,
        body: new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
            controller.close();
          },
        }),
        duplex: "half",
      } as RequestInit);
      expect(streamed.status).toBe(413);
      // Just under the cap is read (and refused for what it says, not for its size).
      const under = JSON.stringify({ key: "B".repeat(64 * 1024 - 20) });
      const res = await post(t.app, "/v1/activations", undefined, { raw: under, headers: JSON_TYPE });
      expect(errorOf(res).code).toBe("VALIDATION_FAILED");
    });

    it("a write that is not JSON is 415 UNSUPPORTED_MEDIA_TYPE", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const body = JSON.stringify(activation(c.key));
      for (const headers of [
        {},
        { "content-type": "text/plain" },
        { "content-type": "application/x-www-form-urlencoded" },
        { "content-type": "multipart/form-data; boundary=x" },
        { "content-type": "application/jsonx" },
      ]) {
        const res = await post(t.app, "/v1/activations", undefined, { raw: body, headers });
        expect([res.status, errorOf(res).code], JSON.stringify(headers)).toEqual([
          415,
          "UNSUPPORTED_MEDIA_TYPE",
        ]);
      }
    });

    it("an unknown route or method is 404 ROUTE_NOT_FOUND naming it", async () => {
      const t = await servers.start();
      for (const [method, path] of [
        ["GET", "/"],
        ["GET", "/v2/activations"],
        ["GET", "/v1/activations"],
        ["DELETE", "/v1/validate"],
        ["PUT", "/v1/admin/products"],
        ["GET", "/v1/admin/nothing"],
      ] as const) {
        const res = await call(
          t.app,
          method,
          path,
          method === "GET" || method === "DELETE" ? undefined : {},
          {
            token: t.admin,
          },
        );
        expect([res.status, errorOf(res).code], `${method} ${path}`).toEqual([404, "ROUTE_NOT_FOUND"]);
        expect(errorOf(res).message).toContain(`${method} ${path}`);
      }
    });
  });
});
