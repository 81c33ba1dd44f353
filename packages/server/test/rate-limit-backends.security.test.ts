/**
 * Consume, then decide, on every place the guessing counters can live: this process's memory, the store's
 * database (SQLite and PostgreSQL, through `store.rateLimits`) and Redis. N guesses in parallel against an
 * allowance of M get exactly M answers, and a valid key is never counted.
 */
import { generateProductKey } from "@ninsho/core";
import type { RateLimitRepository, Store } from "@ninsho/store";
import { afterAll, describe, expect, it } from "vitest";
import { FallbackRateLimitRepository } from "../src/security/fallbackCounters.js";
import { MemoryRateLimitRepository } from "../src/security/memoryCounters.js";
import { RateLimits } from "../src/security/rateLimits.js";
import { openRedisCounters, type RedisCounters } from "../src/security/redisCounters.js";
import { machine } from "./support/fingerprints.js";
import { errorOf } from "./support/http.js";
import { createPostgresDatabase, skipPostgres } from "./support/postgres.js";
import { dropRedisPrefix, REDIS_URL, skipRedis, uniqueRedisPrefix } from "./support/redis.js";
import { type TestServerOptions, useServers } from "./support/server.js";

const BURST = 200;
const ALLOWANCE = 7;
const limits = { perClient: ALLOWANCE, global: 100_000, windowSeconds: 60 };

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

interface Backend {
  readonly name: string;
  readonly skip: boolean;
  /** Where the server's store lives, and where its counters do. */
  setup(): Promise<Pick<TestServerOptions, "storage" | "limits">>;
}

const onStore = (store: Store) => new RateLimits(store.rateLimits, limits);

const backends: Backend[] = [
  {
    name: "memory",
    skip: false,
    setup: async () => ({ limits: new RateLimits(new MemoryRateLimitRepository(), limits) }),
  },
  { name: "SQLite (store)", skip: false, setup: async () => ({ storage: "file", limits: onStore }) },
  {
    name: "PostgreSQL (store)",
    skip: skipPostgres,
    setup: async () => {
      const db = await createPostgresDatabase();
      cleanups.push(db.drop);
      return { storage: { url: db.url }, limits: onStore };
    },
  },
  {
    name: "Redis",
    skip: skipRedis,
    setup: async () => {
      const prefix = uniqueRedisPrefix();
      const redis: RedisCounters = await openRedisCounters(REDIS_URL, prefix);
      cleanups.push(async () => {
        await redis.close();
        await dropRedisPrefix(prefix);
      });
      return { limits: new RateLimits(redis.counters, limits) };
    },
  },
];

describe.each(backends)("guessing limits counted in $name", ({ skip, setup }) => {
  const servers = useServers();

  it.skipIf(skip)(
    `${BURST} guesses in parallel against an allowance of ${ALLOWANCE} get exactly ${ALLOWANCE} answers`,
    async () => {
      const t = await servers.start(await setup());
      const c = await t.catalogue();
      // A valid key used many times first: never counted.
      for (let i = 0; i < ALLOWANCE * 2; i++)
        expect((await t.validate({ key: c.key }, machine("a"))).status).toBe(200);
      const answers = await Promise.all(
        Array.from({ length: BURST }, () => t.activate(generateProductKey(), machine("guesser"))),
      );
      const codes = answers.map((answer) => errorOf(answer).code);
      expect(codes.filter((code) => code === "KEY_NOT_FOUND")).toHaveLength(ALLOWANCE);
      expect(codes.filter((code) => code === "RATE_LIMITED")).toHaveLength(BURST - ALLOWANCE);
    },
  );
});

describe("shared counters that fail", () => {
  it("fall back to this process's memory, so guessing stays limited", async () => {
    const broken: RateLimitRepository = {
      consume: () => Promise.reject(new Error("connection refused")),
      peek: () => Promise.reject(new Error("connection refused")),
      purgeExpired: () => Promise.reject(new Error("connection refused")),
    };
    const rate = new RateLimits(new FallbackRateLimitRepository(broken), limits);
    const now = new Date();
    const waits = [];
    for (let i = 0; i < ALLOWANCE + 1; i++)
      waits.push(await rate.chargeFailure({ source: "203.0.113.5" }, now));
    expect(waits.slice(0, ALLOWANCE).every((wait) => wait === undefined)).toBe(true);
    expect(waits[ALLOWANCE]).toBeGreaterThanOrEqual(1);
    expect(await rate.admitFound({ source: "203.0.113.6" }, now)).toBeUndefined();
  });
});
