/**
 * Capability: one address, a script, and the product-key format; nothing else.
 * Attack: fire 1,000 activations with made-up keys at once, so every request is checked against the guessing
 * limit before any of the others is counted (the limit is 20 failed lookups a minute per client).
 * Expected outcome: each failure is counted before it is answered, so exactly 20 guesses get an answer
 * (KEY_NOT_FOUND) and the other 980 get 429 RATE_LIMITED with Retry-After; a key sent by that client is no
 * longer looked up either. (Before this defence: 1,000 of 1,000 were answered.)
 */
import { generateProductKey } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { machine } from "../packages/server/test/support/fingerprints.js";
import { errorOf, post } from "../packages/server/test/support/http.js";
import { aDevice, useServers } from "../packages/server/test/support/server.js";

const BURST = 1000;
const PER_CLIENT = 20; // the default allowance

describe("attack: a parallel burst of guesses from one address", () => {
  const servers = useServers();

  it(`1,000 guesses at once get exactly ${PER_CLIENT} answers`, async () => {
    const t = await servers.start({ storage: "file" });
    const c = await t.catalogue();
    const answers = await Promise.all(
      Array.from({ length: BURST }, () =>
        post(t.app, "/v1/activations", {
          key: generateProductKey(),
          fingerprint: machine("guesser"),
          device: aDevice(),
        }),
      ),
    );
    const codes = answers.map((answer) => errorOf(answer).code);
    expect(codes.filter((code) => code === "KEY_NOT_FOUND")).toHaveLength(PER_CLIENT);
    expect(codes.filter((code) => code === "RATE_LIMITED")).toHaveLength(BURST - PER_CLIENT);
    const limited = answers.find((answer) => answer.status === 429);
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // The guesser past its allowance learns nothing, not even that a key is real.
    const real = await t.activate(c.key, machine("guesser"));
    expect(errorOf(real).code).toBe("RATE_LIMITED");
  });
});
