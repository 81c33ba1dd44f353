/**
 * Guessing limits that several server processes share: two `openRateLimits` (two "processes", each with its
 * own store) on one PostgreSQL or one Redis count together; on SQLite (one process) each counts in memory.
 * Redis is reached only when configured.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStore, type Store } from "@ninsho/store";
import { afterAll, describe, expect, it } from "vitest";
import { type OpenedRateLimits, openRateLimits } from "../src/security/sharedRateLimits.js";
import { createPostgresDatabase, skipPostgres } from "./support/postgres.js";
import { dropRedisPrefix, REDIS_URL, skipRedis, uniqueRedisPrefix } from "./support/redis.js";

const limits = { perClient: 4, global: 1000, windowSeconds: 60 };
const opened: OpenedRateLimits[] = [];
const stores: Store[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const rate of opened.splice(0)) await rate.close();
  for (const store of stores.splice(0)) await store.close();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function storeAt(url: string): Promise<Store> {
  const store = createStore({ url });
  stores.push(store);
  await store.migrate();
  return store;
}

async function pair(open: () => Promise<OpenedRateLimits>): Promise<[OpenedRateLimits, OpenedRateLimits]> {
  const a = await open();
  const b = await open();
  opened.push(a, b);
  return [a, b];
}

/** Failed lookups alternate between the two; the answer is when each sees the client over its allowance. */
async function alternate(a: OpenedRateLimits, b: OpenedRateLimits, source: string) {
  const now = new Date();
  for (let i = 0; i < limits.perClient; i++) {
    const side = i % 2 === 0 ? a : b;
    expect(await side.limits.chargeFailure({ source }, now)).toBeUndefined();
  }
  return [await a.limits.admitFound({ source }, now), await b.limits.admitFound({ source }, now)];
}

describe("shared rate limits", () => {
  it("on SQLite each process counts alone, in memory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ninsho-limits-"));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const store = await storeAt(join(dir, "ninsho.db"));
    const [a, b] = await pair(() => openRateLimits({ store, limits }));
    expect(a.backend).toBe("memory");
    expect(await alternate(a, b, "203.0.113.1")).toEqual([undefined, undefined]);
  });

  it.skipIf(skipPostgres)("on PostgreSQL two processes share one count, through the store", async () => {
    const db = await createPostgresDatabase();
    cleanups.push(db.drop);
    const [a, b] = await pair(async () => openRateLimits({ store: await storeAt(db.url), limits }));
    expect(a.backend).toBe("postgres");
    const [left, right] = await alternate(a, b, "203.0.113.2");
    expect(left).toBeGreaterThanOrEqual(1);
    expect(right).toBeGreaterThanOrEqual(1);
    expect(await a.limits.admitFound({ source: "203.0.113.3" }, new Date())).toBeUndefined();
  });

  it.skipIf(skipRedis)("in Redis two processes share one count, under their prefix", async () => {
    const prefix = uniqueRedisPrefix();
    cleanups.push(() => dropRedisPrefix(prefix));
    const store = await storeAt(":memory:");
    const [a, b] = await pair(() =>
      openRateLimits({ store, redisUrl: REDIS_URL, redisPrefix: prefix, limits }),
    );
    expect(a.backend).toBe("redis");
    const [left, right] = await alternate(a, b, "203.0.113.4");
    expect(left).toBeGreaterThanOrEqual(1);
    expect(right).toBeGreaterThanOrEqual(1);
  });
});
