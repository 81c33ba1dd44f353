import {
  DEFAULT_MATCH_THRESHOLD,
  defaultComponentWeights,
  parseProductKey,
  policyDefaults,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";
import type { EventBody, LicenseBody } from "./support/bodies.js";
import { str } from "./support/http.js";
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
});
