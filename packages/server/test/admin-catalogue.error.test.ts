import { describe, expect, it } from "vitest";
import { errorOf } from "./support/http.js";
import { useServers } from "./support/server.js";

const policy = (productId: string, fields: Record<string, unknown> = {}) => ({
  productId,
  name: "Pro",
  channel: "retail",
  ...fields,
});

describe("admin: products", () => {
  const servers = useServers();

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
});
