/**
 * Capability: one address, behind (or around) the operator's reverse proxy; the client writes whatever
 * X-Forwarded-For it likes, and the proxy appends the address it saw.
 * Attack: guess keys with a new made-up address at the left of X-Forwarded-For on every request, so each
 * guess seems to come from someone else; or rotate through the addresses of one IPv6 /64, which an ISP gives
 * a single customer.
 * Expected outcome: the address is read from the right, past the configured proxies (a count, or their
 * ranges), so the guesser's real address counts every guess and is refused after 20; an IPv6 /64 counts as one
 * client. (Before this defence: `--trust-proxy` took the leftmost address, the client's own words, and every
 * guess was answered.)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateProductKey } from "@ninsho/core";
import { startServer } from "@ninsho/server";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { machine } from "../packages/server/test/support/fingerprints.js";
import { post } from "../packages/server/test/support/http.js";
import { aDevice, useServers } from "../packages/server/test/support/server.js";

const PER_CLIENT = 20;
const GUESSES = 30;

const guess = (forwardedFor: string) => ({
  key: generateProductKey(),
  fingerprint: machine("guesser"),
  device: aDevice(),
  headers: { "x-forwarded-for": forwardedFor },
});

const answered = (statuses: number[]) => statuses.filter((status) => status === 404).length;

describe("attack: a forged X-Forwarded-For", () => {
  const servers = useServers();

  it("behind one proxy (--trust-proxy 1), a forged left hop does not make a new client", async () => {
    const t = await servers.start({ app: { trustProxy: 1 } });
    const statuses: number[] = [];
    for (let i = 0; i < GUESSES; i++) {
      const { headers, ...body } = guess(`10.66.${i}.1, 203.0.113.99`);
      statuses.push((await post(t.app, "/v1/activations", body, { headers })).status);
    }
    expect(answered(statuses)).toBe(PER_CLIENT);
  });

  it("behind proxies named by range (--trust-proxy 127.0.0.1/32), on a real socket", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ninsho-attack-xff-"));
    const server = await startServer({
      dataDir,
      port: 0,
      trustProxy: ["127.0.0.1/32"],
      print: () => undefined,
      logger: pino({ level: "silent" }),
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < GUESSES; i++) {
        const { headers, ...body } = guess(`10.66.${i}.1, 203.0.113.98`);
        const res = await fetch(`${server.url}/v1/activations`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify(body),
        });
        statuses.push(res.status);
      }
      expect(answered(statuses)).toBe(PER_CLIENT);
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("rotating through the addresses of one IPv6 /64 is one client", async () => {
    const t = await servers.start({ app: { trustProxy: 1 } });
    const statuses: number[] = [];
    for (let i = 0; i < GUESSES; i++) {
      const { headers, ...body } = guess(`2001:db8:7:9:${(i + 1).toString(16)}::1`);
      statuses.push((await post(t.app, "/v1/activations", body, { headers })).status);
    }
    expect(answered(statuses)).toBe(PER_CLIENT);
  });
});
