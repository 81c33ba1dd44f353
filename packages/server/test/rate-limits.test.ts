import { generateProductKey } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { RateLimits } from "../src/security/rateLimits.js";
import { machine } from "./support/fingerprints.js";
import { errorOf, post } from "./support/http.js";
import { aDevice, newNonce, type TestServer, useServers } from "./support/server.js";

// As one proxy of the operator's (`trustProxy: 1`) passes it on: the address it saw, appended last.
const from = (ip: string) => ({ headers: { "x-forwarded-for": `198.51.100.250, ${ip}` } });

const guess = (t: TestServer, ip: string) =>
  post(
    t.app,
    "/v1/activations",
    { key: generateProductKey(), fingerprint: machine("guesser"), device: aDevice() },
    from(ip),
  );

describe("rate limits on key guessing", () => {
  const servers = useServers();

  describe("happy", () => {
    it("a real key validating many times is never limited", async () => {
      const t = await servers.start({
        limits: RateLimits.inMemory({ perClient: 3, global: 5, windowSeconds: 60 }),
      });
      const c = await t.catalogue();
      const fp = machine("loyal");
      const { lease } = await t.activated(c.key, fp);
      for (let i = 0; i < 60; i++) {
        const res = await t.validate(i % 2 === 0 ? { key: c.key } : { lease }, fp);
        expect(res.status, `validation ${i}`).toBe(200);
      }
      for (let i = 0; i < 20; i++) expect((await t.activate(c.key, fp)).status).toBe(200);
    });

    it("one client's guessing does not lock out another client", async () => {
      const t = await servers.start({
        limits: RateLimits.inMemory({ perClient: 3, global: 1000, windowSeconds: 60 }),
        app: { trustProxy: 1 },
      });
      const c = await t.catalogue();
      for (let i = 0; i < 3; i++) expect((await guess(t, "203.0.113.7")).status).toBe(404);
      expect((await guess(t, "203.0.113.7")).status).toBe(429);
      const honest = await post(
        t.app,
        "/v1/activations",
        { key: c.key, fingerprint: machine("honest"), device: aDevice() },
        from("198.51.100.2"),
      );
      expect(honest.status).toBe(201);
    });
  });

  describe("error", () => {
    it("repeated unknown keys from one client get 429 RATE_LIMITED with Retry-After", async () => {
      const t = await servers.start({
        limits: RateLimits.inMemory({ perClient: 5, global: 1000, windowSeconds: 60 }),
      });
      const c = await t.catalogue();
      for (let i = 0; i < 5; i++) {
        const res = await t.activate(generateProductKey(), machine("g"));
        expect(errorOf(res).code).toBe("KEY_NOT_FOUND");
      }
      const limited = await t.activate(generateProductKey(), machine("g"));
      expect(limited.status).toBe(429);
      expect(errorOf(limited).code).toBe("RATE_LIMITED");
      const retryAfter = Number(limited.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(errorOf(limited).remedy).toContain(String(retryAfter));
      // Malformed keys count too, and the guard covers validation and transfer as well.
      const validate = await post(t.app, "/v1/validate", {
        key: "XXXXX",
        fingerprint: machine("g"),
        nonce: newNonce(),
      });
      expect(errorOf(validate).code).toBe("RATE_LIMITED");
      const transfer = await post(t.app, "/v1/transfers", {
        key: c.key,
        fromDeviceId: "dev_x",
        fingerprint: machine("g"),
        device: aDevice(),
      });
      expect(errorOf(transfer).code).toBe("RATE_LIMITED");
    });

    it("malformed keys count against the allowance like unknown ones", async () => {
      const t = await servers.start({
        limits: RateLimits.inMemory({ perClient: 2, global: 1000, windowSeconds: 60 }),
      });
      expect(errorOf(await t.activate("AAAAA", machine("g"))).code).toBe("KEY_MALFORMED");
      expect(errorOf(await t.activate("BBBBB-BBBBB", machine("g"))).code).toBe("KEY_MALFORMED");
      expect(errorOf(await t.activate(generateProductKey(), machine("g"))).code).toBe("RATE_LIMITED");
    });

    it("a global limit stops guessing spread over many addresses", async () => {
      const t = await servers.start({
        // No allowance while under attack: every failure past the global allowance is refused.
        limits: RateLimits.inMemory({
          perClient: 100,
          global: 6,
          perClientUnderAttack: 0,
          windowSeconds: 60,
        }),
        app: { trustProxy: 1 },
      });
      for (let i = 0; i < 6; i++) expect((await guess(t, `192.0.2.${i}`)).status).toBe(404);
      const next = await guess(t, "192.0.2.200");
      expect(next.status).toBe(429);
      expect(Number(next.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    });
  });

  describe("security", () => {
    it("without a trusted proxy, X-Forwarded-For cannot be forged to dodge the per-client limit", async () => {
      const t = await servers.start({
        limits: RateLimits.inMemory({ perClient: 3, global: 1000, windowSeconds: 60 }),
      });
      for (let i = 0; i < 3; i++) expect((await guess(t, `198.51.100.${i}`)).status).toBe(404);
      expect((await guess(t, "198.51.100.99")).status).toBe(429);
    });

    it("invalid leases and bodies do not count as key guesses", async () => {
      const t = await servers.start({
        limits: RateLimits.inMemory({ perClient: 2, global: 1000, windowSeconds: 60 }),
      });
      const c = await t.catalogue();
      for (let i = 0; i < 10; i++) {
        expect(errorOf(await t.validate({ lease: "a.b.c" }, machine("x"))).code).toBe("LEASE_INVALID");
        expect(errorOf(await post(t.app, "/v1/activations", {})).code).toBe("VALIDATION_FAILED");
      }
      expect((await t.activate(c.key, machine("x"))).status).toBe(201);
    });
  });
});
