import { isPostgresUrl } from "@ninsho/store";
import { Redis } from "ioredis";
import pg from "pg";
import type { Logger } from "pino";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
} from "rate-limiter-flexible";
import { defaultKeyGuessingLimits, type KeyGuessingLimits, RateLimits } from "./rateLimits.js";

/** Where the key-guessing counters live: one process's memory, or a store every server process shares. */
export type RateLimitBackend = "memory" | "postgres" | "redis";

export interface RateLimitOptions {
  /** The store's URL: a `postgres://` one puts the counters in its `rate_limits` table. */
  readonly databaseUrl: string;
  /** `redis://…`: the counters go to Redis instead (it answers faster and spares the database). */
  readonly redisUrl?: string;
  /** Prefix of the Redis keys, to share one Redis between deployments (default `ninsho`). */
  readonly redisPrefix?: string;
  readonly limits?: KeyGuessingLimits;
  /** Told when the shared store stops answering (the limits fall back to memory meanwhile). */
  readonly logger?: Logger;
}

/** The limits, where they live, and how to let go of their connections. */
export interface OpenedRateLimits {
  readonly limits: RateLimits;
  readonly backend: RateLimitBackend;
  close(): Promise<void>;
}

const CLIENT = "key-guess-client";
const GLOBAL = "key-guess-global";

/**
 * The key-guessing limits for this server process. With several processes they must be shared, or a guesser
 * gets N times the allowance by spreading over them: in Redis when `redisUrl` is given, else in PostgreSQL
 * when the store is one, else (SQLite: one process) in memory. A shared store that stops answering falls back
 * to this process's memory until it is back, so guessing stays limited and customers are still served.
 * @example
 * const rate = await openRateLimits({ databaseUrl: "postgres://…", redisUrl: process.env.NINSHO_REDIS_URL });
 * const deps = buildDeps({ store, masterKey, limits: rate.limits });
 */
export async function openRateLimits(options: RateLimitOptions): Promise<OpenedRateLimits> {
  const limits = options.limits ?? defaultKeyGuessingLimits;
  const memory = (keyPrefix: string, points: number) =>
    new RateLimiterMemory({ keyPrefix, points, duration: limits.windowSeconds });
  const pair = (make: (keyPrefix: string, points: number) => RateLimiterAbstract) =>
    new RateLimits(make(CLIENT, limits.perClient), make(GLOBAL, limits.global), limits);

  if (options.redisUrl !== undefined && options.redisUrl !== "") {
    const redis = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    redis.on("error", (error: Error) => options.logger?.warn({ err: error }, "Redis for rate limits"));
    try {
      await redis.connect();
    } catch (error) {
      redis.disconnect();
      const where = new URL(options.redisUrl);
      throw new Error(`cannot reach Redis at ${where.host} for the rate limits (${String(error)})`);
    }
    const prefix = options.redisPrefix ?? "ninsho";
    const rate = pair(
      (keyPrefix, points) =>
        new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `${prefix}:${keyPrefix}`,
          points,
          duration: limits.windowSeconds,
          insuranceLimiter: memory(keyPrefix, points),
        }),
    );
    return { limits: rate, backend: "redis", close: async () => void (await redis.quit()) };
  }

  if (isPostgresUrl(options.databaseUrl)) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 4 });
    // An idle connection dropped by the server: the next query opens another.
    pool.on("error", (error) => options.logger?.warn({ err: error }, "PostgreSQL for rate limits"));
    const rate = pair(
      (keyPrefix, points) =>
        new RateLimiterPostgres({
          storeClient: pool,
          storeType: "pool",
          tableName: "rate_limits", // made by migration 0004, so no process runs DDL here
          tableCreated: true,
          keyPrefix,
          points,
          duration: limits.windowSeconds,
          insuranceLimiter: memory(keyPrefix, points),
        }),
    );
    return { limits: rate, backend: "postgres", close: () => pool.end() };
  }

  return { limits: pair(memory), backend: "memory", close: async () => undefined };
}
