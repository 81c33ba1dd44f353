import { generateProductKey } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { RateLimits } from "../src/security/rateLimits.js";
import { machine } from "./support/fingerprints.js";
import { post } from "./support/http.js";
import { aDevice, type TestServer, useServers } from "./support/server.js";

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
});
