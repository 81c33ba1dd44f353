import { generateProductKey } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { RateLimits } from "../src/security/rateLimits.js";
import { machine } from "./support/fingerprints.js";
import { errorOf, post } from "./support/http.js";
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
