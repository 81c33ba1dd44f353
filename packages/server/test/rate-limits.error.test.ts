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
        code: "00000000",
        replacesDeviceId: "dev_x",
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
});
