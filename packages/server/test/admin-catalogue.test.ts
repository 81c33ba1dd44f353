import {
  DEFAULT_MATCH_THRESHOLD,
  defaultComponentWeights,
  parseProductKey,
  policyDefaults,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";
import type { EventBody, LicenseBody } from "./support/bodies.js";
import { errorOf, post, str } from "./support/http.js";
import { useServers } from "./support/server.js";
import { sqliteRows } from "./support/sqlite.js";

const policy = (productId: string, fields: Record<string, unknown> = {}) => ({
  productId,
  name: "Pro",
  channel: "retail",
  ...fields,
});

describe("admin: products", () => {
  const servers = useServers();

  describe("happy", () => {
    it("creates a product with its own Ed25519 key, sealed at rest, and lists it", async () => {
      const t = await servers.start({ storage: "file" });
      const first = await t.adminPost("/v1/admin/products", { name: "Ninsho Writer" });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ name: "Ninsho Writer", createdAt: t.clock.now().toISOString() });
      const id = str(first.body, "id");
      expect(id).toMatch(/^prd_/);
      const second = await t.product("Ninsho Painter");

      const list = await t.adminGet("/v1/admin/products");
      expect((list.body as { products: { id: string }[] }).products.map((p) => p.id)).toEqual([id, second]);
      const shown = await t.adminGet(`/v1/admin/products/${id}`);
      const keys = (shown.body as { publicKeys: { kid: string; x: string }[] }).publicKeys;
      expect(keys).toHaveLength(1);
      const other = (await t.adminGet(`/v1/admin/products/${second}`)).body as {
        publicKeys: { x: string }[];
      };
      expect(other.publicKeys[0]?.x).not.toBe(keys[0]?.x);

      const stored = sqliteRows(t.dbPath ?? "", "select * from signing_keys where product_id = ?", id);
      expect(stored).toHaveLength(1);
      const sealed = String(stored[0]?.sealed_private_key);
      expect(sealed).not.toMatch(/BEGIN|PRIVATE KEY|MC4CAQAw/);
      expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(shown.text).not.toContain(sealed);
    });
  });

  describe("error", () => {
    it("refuses an empty or missing name, unknown fields, and answers PRODUCT_NOT_FOUND", async () => {
      const t = await servers.start();
      for (const body of [{}, { name: "" }, { name: 7 }, { name: "x", signingKey: "mine" }]) {
        const res = await t.adminPost("/v1/admin/products", body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(errorOf(res).code).toBe("VALIDATION_FAILED");
      }
      const missing = await t.adminGet("/v1/admin/products/prd_01JNOTHEREXXXXXXXXXXXXXXXX");
      expect([missing.status, errorOf(missing).code]).toEqual([404, "PRODUCT_NOT_FOUND"]);
    });
  });
});

describe("admin: policies", () => {
  const servers = useServers();

  describe("happy", () => {
    it("fills the defaults, keeps what is given, and reads back the same", async () => {
      const t = await servers.start();
      const productId = await t.product();
      const res = await t.adminPost("/v1/admin/policies", policy(productId));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        productId,
        channel: "retail",
        maxDevices: policyDefaults.maxDevices,
        leaseSeconds: policyDefaults.leaseSeconds,
        graceSeconds: policyDefaults.graceSeconds,
        expiry: { kind: "none" },
        matchThreshold: DEFAULT_MATCH_THRESHOLD,
        componentWeights: defaultComponentWeights,
        transferable: true,
        transfersPerYear: policyDefaults.transfersPerYear,
        entitlements: [],
      });
      const id = str(res.body, "id");
      expect((await t.adminGet(`/v1/admin/policies/${id}`)).body).toEqual(res.body);

      const custom = {
        maxDevices: 25,
        leaseSeconds: 3600,
        graceSeconds: 0,
        expiry: { kind: "duration", seconds: 30 * 86_400 },
        matchThreshold: 0.8,
        componentWeights: { board: 1, "vendor-dongle": 9 },
        transferable: false,
        transfersPerYear: 0,
        entitlements: ["pro", "cloud"],
      };
      const full = await t.adminPost(
        "/v1/admin/policies",
        policy(productId, { channel: "volume", ...custom }),
      );
      expect(full.status).toBe(201);
      expect(full.body).toMatchObject(custom);
      const oem = await t.adminPost("/v1/admin/policies", policy(productId, { channel: "oem" }));
      expect(oem.body).toMatchObject({ transferable: false, transfersPerYear: 0 });

      const other = await t.product();
      await t.adminPost("/v1/admin/policies", policy(other));
      const listed = await t.adminGet(`/v1/admin/policies?productId=${productId}`);
      expect((listed.body as { policies: unknown[] }).policies).toHaveLength(3);
      expect(
        ((await t.adminGet("/v1/admin/policies")).body as { policies: unknown[] }).policies,
      ).toHaveLength(4);
    });

    it("accepts a fixed expiry with any offset and an upgrade policy naming its base", async () => {
      const t = await servers.start();
      const productId = await t.product();
      const fixed = await t.adminPost(
        "/v1/admin/policies",
        policy(productId, { expiry: { kind: "fixed", at: "2027-01-01T09:00:00+09:00" } }),
      );
      expect(fixed.status).toBe(201);
      const base = str(fixed.body, "id");
      const upgrade = await t.adminPost(
        "/v1/admin/policies",
        policy(productId, { channel: "upgrade", basePolicyId: base }),
      );
      expect(upgrade.body).toMatchObject({ channel: "upgrade", basePolicyId: base });
    });
  });

  describe("error", () => {
    it("refuses values out of range, naming the field", async () => {
      const t = await servers.start();
      const productId = await t.product();
      const cases: [string, Record<string, unknown>][] = [
        ["maxDevices", { maxDevices: 0 }],
        ["maxDevices", { maxDevices: 2.5 }],
        ["maxDevices", { maxDevices: "3" }],
        ["leaseSeconds", { leaseSeconds: 59 }],
        ["leaseSeconds", { leaseSeconds: 11 * 365 * 86_400 }],
        ["graceSeconds", { graceSeconds: -1 }],
        ["matchThreshold", { matchThreshold: 0 }],
        ["matchThreshold", { matchThreshold: 1.01 }],
        ["componentWeights", { componentWeights: { "Not A Kind": 1 } }],
        ["componentWeights.board", { componentWeights: { board: -1 } }],
        ["componentWeights", { componentWeights: {} }],
        ["componentWeights", { componentWeights: { board: 0, disk: 0 } }],
        ["transfersPerYear", { transfersPerYear: 1001 }],
        ["expiry", { expiry: { kind: "duration", seconds: 10 } }],
        ["expiry", { expiry: { kind: "fixed", at: "next tuesday" } }],
        ["expiry", { expiry: { kind: "forever" } }],
        ["channel", { channel: "pirate" }],
        ["entitlements", { entitlements: "pro" }],
        ["name", { name: "" }],
        ["surprise", { surprise: true }],
      ];
      for (const [field, fields] of cases) {
        const res = await t.adminPost("/v1/admin/policies", policy(productId, fields));
        expect(res.status, JSON.stringify(fields)).toBe(400);
        const error = errorOf(res);
        expect(error.code).toBe("VALIDATION_FAILED");
        const paths = (error.details as { issues: { path: string }[] }).issues.map((i) => i.path);
        expect(
          paths.some((p) => p.startsWith(field)),
          `${JSON.stringify(fields)} → ${paths.join(",")}`,
        ).toBe(true);
        expect(error.message).toContain(field);
      }
    });

    it("answers PRODUCT_NOT_FOUND and POLICY_NOT_FOUND", async () => {
      const t = await servers.start();
      const res = await t.adminPost("/v1/admin/policies", policy("prd_01JNOTHEREXXXXXXXXXXXXXXXX"));
      expect([res.status, errorOf(res).code]).toEqual([404, "PRODUCT_NOT_FOUND"]);
      const productId = await t.product();
      const base = await t.adminPost("/v1/admin/policies", policy(productId, { basePolicyId: "pol_nope" }));
      expect(errorOf(base).code).toBe("POLICY_NOT_FOUND");
      const missing = await t.adminGet("/v1/admin/policies/pol_nope");
      expect([missing.status, errorOf(missing).code]).toEqual([404, "POLICY_NOT_FOUND"]);
    });
  });
});

describe("admin: issuing keys", () => {
  const servers = useServers();

  describe("happy", () => {
    it("issues licenses as JSON, keys shown once, with the owner's email", async () => {
      const t = await servers.start();
      const productId = await t.product();
      const policyId = await t.policy(productId, { expiry: { kind: "fixed", at: "2030-01-01T00:00:00Z" } });
      const res = await t.adminPost("/v1/admin/licenses", {
        policyId,
        count: 3,
        ownerEmail: "Aiko@Example.jp",
      });
      expect(res.status).toBe(201);
      const licenses = (res.body as { licenses: (LicenseBody & { key: string })[] }).licenses;
      expect(licenses).toHaveLength(3);
      for (const license of licenses) {
        const parsed = parseProductKey(license.key);
        expect(parsed.ok && parsed.value).toBe(license.key);
        expect(license).toMatchObject({
          productId,
          policyId,
          status: "active",
          state: "active",
          keyHint: license.key.slice(-5),
          expiresAt: "2030-01-01T00:00:00.000Z",
        });
        expect(license.ownerEmail?.toLowerCase()).toBe("aiko@example.jp");
      }
      expect(new Set(licenses.map((l) => l.key)).size).toBe(3);
      const one = await t.adminPost("/v1/admin/licenses", { policyId });
      expect((one.body as { licenses: unknown[] }).licenses).toHaveLength(1);
      const events = (await t.timeline(licenses[0]?.id ?? "")) as EventBody[];
      expect(events).toMatchObject([{ type: "license.created", data: { policyId } }]);
      expect(events[0]?.actor).toMatch(/^token:tok_/);
    });

    it("streams a key batch as CSV: a header and N lines, every key valid, distinct and stored", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const count = 5_003; // more than one committed batch of 5,000
      const res = await t.app.request("/v1/admin/key-batches", {
        method: "POST",
        headers: { authorization: `Bearer ${t.admin}`, "content-type": "application/json" },
        body: JSON.stringify({ policyId: c.policyId, count }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
      expect(res.headers.get("x-ninsho-key-count")).toBe(String(count));
      const lines = (await res.text()).trimEnd().split("\n");
      expect(lines[0]).toBe("license_id,key,policy_id,created_at");
      const records = lines.slice(1).map((line) => line.split(","));
      expect(records).toHaveLength(count);
      const keys = new Set<string>();
      const ids = new Set<string>();
      for (const [id, key, policyId, createdAt] of records) {
        const parsed = parseProductKey(key ?? "");
        expect(parsed.ok).toBe(true);
        expect(policyId).toBe(c.policyId);
        expect(createdAt).toBe(t.clock.now().toISOString());
        keys.add(key ?? "");
        ids.add(id ?? "");
      }
      expect(keys.size).toBe(count);
      expect(ids.size).toBe(count);
      const stored = await t.store.licenses.list({ policyId: c.policyId, limit: 1000 });
      expect(stored.length).toBe(1000);
      for (const license of stored) expect(ids.has(license.id) || license.id === c.licenseId).toBe(true);
      // Every streamed key activates: spot-check the first and the last.
      for (const record of [records[0], records.at(-1)]) {
        const found = await t.adminPost("/v1/admin/licenses/lookup", { key: record?.[1] ?? "" });
        expect(str(found.body, "id")).toBe(record?.[0]);
      }
    });
  });

  describe("error", () => {
    it("a key batch the client abandons stops issuing; every line it did receive is a stored license", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const count = 50_000;
      const res = await t.app.request("/v1/admin/key-batches", {
        method: "POST",
        headers: { authorization: `Bearer ${t.admin}`, "content-type": "application/json" },
        body: JSON.stringify({ policyId: c.policyId, count }),
      });
      const reader = res.body?.getReader();
      if (!reader) throw new Error("no body");
      const decoder = new TextDecoder();
      let text = "";
      while (text.split("\n").length < 5_002) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
      }
      await reader.cancel();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const received = text
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => line.split(",")[0] ?? "");
      expect(received.length).toBeGreaterThanOrEqual(5_000);
      const stored = new Set<string>();
      for (let after: string | undefined; ; ) {
        const page = await t.store.licenses.list({
          policyId: c.policyId,
          limit: 1000,
          ...(after ? { after } : {}),
        });
        for (const license of page) stored.add(license.id);
        if (page.length < 1000) break;
        after = page.at(-1)?.id;
      }
      for (const id of received) expect(stored.has(id)).toBe(true);
      // The first license was issued by the catalogue; issuing stopped within a batch of the cancel.
      expect(stored.size - 1).toBeLessThanOrEqual(received.length + 5_000);
      expect(stored.size - 1).toBeLessThan(count);
    });

    it("refuses counts out of range and unknown policies", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      for (const count of [0, -1, 1001, 1.5]) {
        const res = await t.adminPost("/v1/admin/licenses", { policyId: c.policyId, count });
        expect(errorOf(res).code, String(count)).toBe("VALIDATION_FAILED");
      }
      const batch = await t.adminPost("/v1/admin/key-batches", { policyId: c.policyId, count: 10_000_001 });
      expect(errorOf(batch).code).toBe("VALIDATION_FAILED");
      const noCount = await t.adminPost("/v1/admin/key-batches", { policyId: c.policyId });
      expect((errorOf(noCount).details as { issues: { path: string }[] }).issues[0]?.path).toBe("count");
      const email = await t.adminPost("/v1/admin/licenses", {
        policyId: c.policyId,
        ownerEmail: "not-an-email",
      });
      expect(errorOf(email).code).toBe("VALIDATION_FAILED");
      for (const path of ["/v1/admin/licenses", "/v1/admin/key-batches"]) {
        const res = await t.adminPost(path, { policyId: "pol_nope", count: 2 });
        expect([res.status, errorOf(res).code]).toEqual([404, "POLICY_NOT_FOUND"]);
      }
    });
  });

  describe("security", () => {
    it("support and readonly tokens cannot issue keys", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      for (const role of ["support", "readonly"] as const) {
        const { token } = await t.token(role);
        for (const path of ["/v1/admin/licenses", "/v1/admin/key-batches"]) {
          const res = await post(t.app, path, { policyId: c.policyId, count: 1 }, { token });
          expect(res.status).toBe(403);
        }
      }
    });
  });
});
