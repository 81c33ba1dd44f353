/**
 * The OpenAPI document says what the server does: the contract's fields are in it, and real answers of every
 * public route (and of the admin routes the CLI uses) have the shape it describes, errors included, checked by
 * ajv against the committed document with every object closed (an undocumented field fails).
 */
import { serverErrorCodes } from "@ninsho/core";
import { beforeAll, describe, expect, it } from "vitest";
import { documentedMismatches, type OpenApiDocument } from "../../../testing/openapi.js";
import { machine } from "./support/fingerprints.js";
import { type Answer, call, get, post } from "./support/http.js";
import { aDevice, newNonce, type TestServer, useServers } from "./support/server.js";
import { mailedCode, ownedCatalogue } from "./support/transfers.js";

describe("OpenAPI document", () => {
  const servers = useServers("all");
  let t: TestServer;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    t = await servers.start();
    doc = (await get<OpenApiDocument>(t.app, "/openapi.json")).body;
  });

  /** Check an answer against the document for its operation and status (ajv, extra fields rejected). */
  function expectDocumented(method: string, path: string, res: Answer): void {
    expect(documentedMismatches(method, path, res.status, res.body)).toEqual([]);
  }

  describe("the checker", () => {
    it("rejects an undocumented field, a missing one and a wrong type, and knows which route a path is", () => {
      const ready = { status: "ok", database: "sqlite" };
      expect(documentedMismatches("GET", "/healthz", 200, ready)).toEqual([]);
      expect(documentedMismatches("GET", "/healthz", 200, { ...ready, leaked: "x" })).not.toEqual([]);
      expect(documentedMismatches("GET", "/healthz", 200, { status: "ok" })).not.toEqual([]);
      expect(documentedMismatches("GET", "/healthz", 200, { ...ready, database: 1 })).not.toEqual([]);
      expect(documentedMismatches("GET", "/v1/admin/licenses/lic_1/timeline", 200, { events: [] })).toEqual(
        [],
      );
      expect(documentedMismatches("GET", "/nowhere", 200, {})).not.toEqual([]);
    });
  });

  describe("happy", () => {
    it("states the contract: the request fields, the answers' fields, the error shape and every server code", () => {
      const schemas = doc.components.schemas;
      expect(schemas.ActivationRequest?.required).toEqual(["key", "fingerprint", "device"]);
      expect(Object.keys(schemas.ValidationRequest?.properties ?? {})).toEqual(
        expect.arrayContaining(["key", "lease", "fingerprint", "nonce"]),
      );
      expect(schemas.Activation?.required).toEqual(expect.arrayContaining(["device", "lease", "decision"]));
      expect(schemas.Validation?.required).toEqual(
        expect.arrayContaining(["valid", "state", "nonce", "signature"]),
      );
      const errorShape = schemas.Error?.properties as
        | { error: { required: string[]; properties: { code: { enum: string[] } } } }
        | undefined;
      if (!errorShape) throw new Error("no Error schema");
      const error = errorShape.error;
      expect(error.required).toEqual(expect.arrayContaining(["code", "message", "remedy", "docs"]));
      expect(error.properties.code.enum).toEqual(expect.arrayContaining([...serverErrorCodes]));
      for (const [path, methods] of Object.entries(doc.paths)) {
        for (const [method, operation] of Object.entries(methods)) {
          expect(operation.responses.default, `${method} ${path} has no default error`).toBeDefined();
        }
      }
    });

    it("real answers of the device routes have the documented shape", async () => {
      const c = await ownedCatalogue(t, { maxDevices: 2, transfersPerYear: 3 });
      const fp = machine("documented");
      const created = await t.activate(c.key, fp);
      expectDocumented("POST", "/v1/activations", created);
      const recognised = await t.activate(c.key, fp);
      expectDocumented("POST", "/v1/activations", recognised);
      const lease = (created.body as { lease: string }).lease;
      const deviceId = (created.body as { device: { id: string } }).device.id;
      expectDocumented("POST", "/v1/activations", await t.activate(c.key, machine("second")));
      expectDocumented("POST", "/v1/validate", await t.validate({ lease }, fp));
      expectDocumented("POST", "/v1/validate", await t.validate({ key: c.key }, machine("nobody")));
      const moved = await post(t.app, "/v1/transfers", {
        key: c.key,
        code: await mailedCode(t, c.key),
        replacesDeviceId: deviceId,
        fingerprint: machine("new"),
        device: aDevice(),
        nonce: newNonce(),
      });
      expectDocumented("POST", "/v1/transfers", moved);
      const newLease = (moved.body as { lease: string }).lease;
      expectDocumented(
        "POST",
        "/v1/deactivations",
        await post(t.app, "/v1/deactivations", { lease: newLease }),
      );
      expectDocumented("GET", "/.well-known/jwks.json", await get(t.app, "/.well-known/jwks.json"));
      expectDocumented("GET", "/healthz", await get(t.app, "/healthz"));
    });

    it("real answers of the admin routes have the documented shape", async () => {
      const c = await t.catalogue({}, 2);
      const { deviceId } = await t.activated(c.key, machine("admin-doc"));
      const checks: [string, string, string, unknown?][] = [
        ["GET", "/v1/admin/products", "/v1/admin/products"],
        ["GET", "/v1/admin/products/{id}", `/v1/admin/products/${c.productId}`],
        ["GET", "/v1/admin/policies", "/v1/admin/policies"],
        ["GET", "/v1/admin/policies/{id}", `/v1/admin/policies/${c.policyId}`],
        ["GET", "/v1/admin/licenses", "/v1/admin/licenses"],
        ["GET", "/v1/admin/licenses/{id}", `/v1/admin/licenses/${c.licenseId}`],
        ["POST", "/v1/admin/licenses/lookup", "/v1/admin/licenses/lookup", { key: c.key }],
        ["GET", "/v1/admin/licenses/{id}/timeline", `/v1/admin/licenses/${c.licenseId}/timeline`],
        ["GET", "/v1/admin/licenses/{id}/key", `/v1/admin/licenses/${c.licenseId}/key`],
        [
          "POST",
          "/v1/admin/licenses/{id}/suspend",
          `/v1/admin/licenses/${c.licenseId}/suspend`,
          { reason: "x" },
        ],
        [
          "POST",
          "/v1/admin/licenses/{id}/reinstate",
          `/v1/admin/licenses/${c.licenseId}/reinstate`,
          { reason: "x" },
        ],
        [
          "POST",
          "/v1/admin/licenses/{id}/extend",
          `/v1/admin/licenses/${c.licenseId}/extend`,
          { expiresAt: "2030-01-01T00:00:00Z", reason: "x" },
        ],
        [
          "POST",
          "/v1/admin/licenses/{id}/owner",
          `/v1/admin/licenses/${c.licenseId}/owner`,
          { email: "a@b.jp", reason: "x" },
        ],
        [
          "POST",
          "/v1/admin/devices/{id}/deactivate",
          `/v1/admin/devices/${deviceId}/deactivate`,
          { reason: "x" },
        ],
        ["POST", "/v1/admin/licenses", "/v1/admin/licenses", { policyId: c.policyId, count: 2 }],
        ["POST", "/v1/admin/tokens", "/v1/admin/tokens", { name: "doc", role: "readonly" }],
        ["GET", "/v1/admin/tokens", "/v1/admin/tokens"],
        ["GET", "/v1/admin/whoami", "/v1/admin/whoami"],
        [
          "POST",
          "/v1/admin/licenses/{id}/revoke",
          `/v1/admin/licenses/${c.licenseId}/revoke`,
          { reason: "x" },
        ],
      ];
      for (const [method, path, url, body] of checks) {
        const res = await call(t.app, method, url, body, { token: t.admin });
        expect(res.status, `${method} ${url}: ${res.text.slice(0, 200)}`).toBeLessThan(300);
        expectDocumented(method, path, res);
      }
    });
  });
});
