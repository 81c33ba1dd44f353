/**
 * Capability: a botnet: 101 addresses, each staying within its own allowance (20 failed lookups a minute).
 * Attack: 2,020 made-up keys, 20 from each address, which is past the server's global allowance (2,000 a
 * minute) — to guess keys, or to make the server refuse everyone.
 * Expected outcome: no customer with a valid key is refused — from a fresh address, nor after a typo of their
 * own; the server is "under attack" for the rest of the minute, so an address that has already failed twice
 * is refused even a valid key (the defence against enumeration holds: a bot learns nothing more there).
 * (Before this defence: every customer on every address got 429 on a valid key.)
 */
import { generateProductKey } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { machine } from "../packages/server/test/support/fingerprints.js";
import { errorOf, post } from "../packages/server/test/support/http.js";
import { aDevice, newNonce, type TestServer, useServers } from "../packages/server/test/support/server.js";

const BOTS = 101;
const PER_BOT = 20;

/** Behind one proxy of the operator's, which appends the address it saw. */
const from = (address: string) => ({ headers: { "x-forwarded-for": address } });

const activate = (t: TestServer, key: string, address: string) =>
  post(t.app, "/v1/activations", { key, fingerprint: machine(address), device: aDevice() }, from(address));

describe("attack: guessing spread over many addresses", () => {
  const servers = useServers();

  it("2,020 wrong keys from 101 addresses lock no customer out", async () => {
    const t = await servers.start({ app: { trustProxy: 1 } });
    const c = await t.catalogue({ maxDevices: 10 }, 3);
    const [first, second, third] = c.licenses;
    if (!first || !second || !third) throw new Error("three licenses issued");
    for (let bot = 0; bot < BOTS; bot++) {
      const address = `198.18.${bot >> 8}.${bot & 255}`;
      const answers = await Promise.all(
        Array.from({ length: PER_BOT }, () => activate(t, generateProductKey(), address)),
      );
      expect(answers.every((answer) => answer.status === 404 || answer.status === 429)).toBe(true);
    }
    // The global allowance is spent: the next bot guess is refused.
    expect((await activate(t, generateProductKey(), "198.18.0.1")).status).toBe(429);

    // A customer on an address that never guessed is served.
    expect((await activate(t, first.key, "203.0.113.10")).status).toBe(201);
    // A customer who mistypes once, then types the key right, is served.
    expect(errorOf(await activate(t, generateProductKey(), "203.0.113.11")).code).toBe("KEY_NOT_FOUND");
    expect((await activate(t, second.key, "203.0.113.11")).status).toBe(201);
    // Validation by key too.
    const validation = await post(
      t.app,
      "/v1/validate",
      { key: third.key, fingerprint: machine("v"), nonce: newNonce() },
      from("203.0.113.12"),
    );
    expect(validation.status).toBe(200);
    // A bot that has guessed learns nothing more this minute, even with a real key.
    expect(errorOf(await activate(t, third.key, "198.18.0.5")).code).toBe("RATE_LIMITED");
  });
});
