/**
 * Key-guessing limits that several server processes share: two `openRateLimits` (two "processes") on one
 * PostgreSQL or one Redis count together; in memory (SQLite, one process) each counts alone.
 */
import { createStore } from "@ninsho/store";
import { afterAll, describe, expect, it } from "vitest";
import { type OpenedRateLimits, openRateLimits } from "../src/security/sharedRateLimits.js";
import { createPostgresDatabase, skipPostgres } from "./support/postgres.js";
import { dropRedisPrefix, REDIS_URL, skipRedis, uniqueRedisPrefix } from "./support/redis.js";

const limits = { perClient: 4, global: 1000, windowSeconds: 60 };
const opened: OpenedRateLimits[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const rate of opened.splice(0)) await rate.close();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function pair(open: () => Promise<OpenedRateLimits>): Promise<[OpenedRateLimits, OpenedRateLimits]> {
  const a = await open();
  const b = await open();
  opened.push(a, b);
  return [a, b];
}

/** Failed lookups alternate between the two; the answer is when each sees the client limited. */
async function alternate(a: OpenedRateLimits, b: OpenedRateLimits, ip: string) {
  for (let i = 0; i < limits.perClient; i++) {
    const side = i % 2 === 0 ? a : b;
    expect(await side.limits.keyGuessingRetryAfter(ip)).toBeUndefined();
    await side.limits.recordFailedKey(ip);
  }
  return [await a.limits.keyGuessingRetryAfter(ip), await b.limits.keyGuessingRetryAfter(ip)];
}

describe("shared rate limits", () => {
  it("in memory (SQLite) each process counts alone", async () => {
    const [a, b] = await pair(() => openRateLimits({ databaseUrl: ":memory:", limits }));
    expect(a.backend).toBe("memory");
    expect(await alternate(a, b, "203.0.113.1")).toEqual([undefined, undefined]);
  });

  it.skipIf(skipPostgres)("on PostgreSQL two processes share one count", async () => {
    const db = await createPostgresDatabase();
    cleanups.push(db.drop);
    const store = createStore({ url: db.url });
    await store.migrate();
    await store.close();
    const [a, b] = await pair(() => openRateLimits({ databaseUrl: db.url, limits }));
    expect(a.backend).toBe("postgres");
    const [left, right] = await alternate(a, b, "203.0.113.2");
    expect(left).toBeGreaterThanOrEqual(1);
    expect(right).toBeGreaterThanOrEqual(1);
    expect(await a.limits.keyGuessingRetryAfter("203.0.113.3")).toBeUndefined();
  });

  it.skipIf(skipRedis)("in Redis two processes share one count, under their prefix", async () => {
    const prefix = uniqueRedisPrefix();
    cleanups.push(() => dropRedisPrefix(prefix));
    const [a, b] = await pair(() =>
      openRateLimits({ databaseUrl: ":memory:", redisUrl: REDIS_URL, redisPrefix: prefix, limits }),
    );
    expect(a.backend).toBe("redis");
    const [left, right] = await alternate(a, b, "203.0.113.4");
    expect(left).toBeGreaterThanOrEqual(1);
    expect(right).toBeGreaterThanOrEqual(1);
  });

  it("an unreachable Redis fails the start with a plain message", async () => {
    await expect(
      openRateLimits({ databaseUrl: ":memory:", redisUrl: "redis://127.0.0.1:1", limits }),
    ).rejects.toThrow(/cannot reach Redis at 127\.0\.0\.1:1/);
  });
});
