import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.js";
import { machine } from "./support/fingerprints.js";
import { get, post } from "./support/http.js";
import { type TestServer, useServers } from "./support/server.js";

/** Every byte the database keeps on disk: the main file, its WAL and shared memory. */
function databaseBytes(t: TestServer): Buffer {
  if (t.dbPath === undefined) throw new Error("needs a file store");
  const dir = dirname(t.dbPath);
  return Buffer.concat(readdirSync(dir).map((name) => readFileSync(join(dir, name))));
}

/** The ways a secret could sit in a file: as given, without hyphens, in lower case, as UTF-16. */
const spellings = (secret: string) => [
  secret,
  secret.replaceAll("-", ""),
  secret.toLowerCase(),
  Buffer.from(secret, "utf16le").toString("latin1"),
];

/** A pino destination that keeps the lines. */
function captured(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

describe("security", () => {
  const servers = useServers();

  describe("happy", () => {
    it("keys, tokens, private keys and the master key never reach the database file in the clear", async () => {
      const t = await servers.start({ storage: "file" });
      const c = await t.catalogue({ maxDevices: 2 }, 5);
      const batch = await t.app.request("/v1/admin/key-batches", {
        method: "POST",
        headers: { authorization: `Bearer ${t.admin}`, "content-type": "application/json" },
        body: JSON.stringify({ policyId: c.policyId, count: 50 }),
      });
      const batchKeys = (await batch.text())
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => line.split(",")[1] ?? "");
      expect(batchKeys).toHaveLength(50);
      const support = await t.token("support");
      const keys = [...c.licenses.map((l) => l.key), ...batchKeys];
      for (const license of c.licenses.slice(0, 3)) {
        const { lease } = await t.activated(license.key, machine(license.id));
        await t.validate({ key: license.key }, machine(license.id));
        await t.validate({ lease }, machine(license.id));
      }
      // An admin reads a key again: it is unsealed for the answer, not stored anew.
      expect((await t.adminGet(`/v1/admin/licenses/${c.licenseId}/key`)).status).toBe(200);
      await t.deps.lastSeen.flush();

      const bytes = databaseBytes(t).toString("latin1");
      expect(bytes.length).toBeGreaterThan(10_000);
      for (const key of keys) {
        for (const spelling of spellings(key)) expect(bytes.includes(spelling), `key ${key}`).toBe(false);
        // Not even a whole group next to its neighbour (the hint is only the last group).
        expect(bytes.includes(key.slice(0, 11))).toBe(false);
      }
      for (const token of [t.admin, support.token]) {
        for (const spelling of spellings(token)) expect(bytes.includes(spelling)).toBe(false);
        expect(bytes.includes(token.slice("nsh_admin_".length))).toBe(false);
      }
      expect(bytes).not.toMatch(/PRIVATE KEY|MC4CAQAwBQYDK2Vw/);
      expect(bytes.includes(t.deps.secrets.keyLookup.toString("latin1"))).toBe(false);
    });

    it("redacts keys, leases, tokens, device secrets and authorization headers from log lines, at any depth", () => {
      const sink = captured();
      const logger = createLogger("info", sink.stream);
      const key = "K7QXM-2H9RB-CDFGH-JKMPQ-RTVWX";
      const lease = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJkZXYifQ.c2lnbmF0dXJl";
      const token = "nsh_admin_SECRETSECRETSECRETSECRETSECRETSECRETSEC";
      const deviceSecret = "DEVICESECRETDEVICESECRETDEVICESECRETDEVICES";
      logger.info(
        { key, lease, token, authorization: `Bearer ${token}`, masterKey: "00ff".repeat(16) },
        "flat",
      );
      logger.info(
        {
          req: {
            method: "POST",
            url: "/v1/activations",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: { key, lease, deviceSecret, fingerprint: { collector: "x" } },
          },
        },
        "a whole request, logged by mistake",
      );
      logger.warn(
        {
          body: { key },
          nested: { deeper: { token, lease, a: { b: { c: { key } } } } },
          device: { device_secret: `v1.${deviceSecret}` },
        },
        "nested",
      );
      const text = sink.text();
      expect(text.split("\n").filter(Boolean)).toHaveLength(3);
      for (const secret of [key, lease, token, deviceSecret, "00ff".repeat(16)])
        expect(text).not.toContain(secret);
      expect(text).toContain("[redacted]");
      expect(text).toContain("/v1/activations");
      expect(text).toContain("a whole request, logged by mistake");
    });
  });

  describe("error", () => {
    it("a failure while handling a key or token logs neither", async () => {
      const sink = captured();
      const t = await servers.start({ logger: createLogger("info", sink.stream) });
      const c = await t.catalogue();
      await t.store.close();
      const lookup = await post(t.app, "/v1/admin/licenses/lookup", { key: c.key }, { token: t.admin });
      expect(lookup.status).toBe(500);
      const activation = await t.activate(c.key, machine("logged"));
      expect(activation.status).toBe(500);
      const text = sink.text();
      expect(text).toContain("unhandled error");
      for (const secret of [c.key, t.admin]) {
        for (const spelling of spellings(secret)) expect(text).not.toContain(spelling);
      }
    });
  });

  describe("security", () => {
    it("answers carry no server fingerprinting headers and admin secrets are never cached", async () => {
      const t = await servers.start();
      const res = await get(t.app, "/healthz");
      expect(res.headers.get("x-powered-by")).toBeNull();
      expect(res.headers.get("server")).toBeNull();
      const created = await t.adminPost("/v1/admin/tokens", { name: "x", role: "readonly" });
      expect(created.headers.get("cache-control")).toBe("no-store");
    });
  });
});
