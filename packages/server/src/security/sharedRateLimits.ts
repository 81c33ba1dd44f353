import type { Store } from "@ninsho/store";
import type { Logger } from "pino";
import { FallbackRateLimitRepository } from "./fallbackCounters.js";
import { MemoryRateLimitRepository } from "./memoryCounters.js";
import { defaultKeyGuessingLimits, type KeyGuessingLimits, RateLimits } from "./rateLimits.js";
import { openRedisCounters } from "./redisCounters.js";

/** Where the guessing counters live: one process's memory, the store's PostgreSQL database, or Redis. */
export type RateLimitBackend = "memory" | "postgres" | "redis";

export interface RateLimitOptions {
  /** The server's store: when several processes share it (PostgreSQL) the counters go in its `rate_limits`. */
  readonly store: Store;
  /** `redis://…`: the counters go to Redis instead (it answers faster and spares the database). */
  readonly redisUrl?: string;
  /** Prefix of the Redis keys, to share one Redis between deployments (default `ninsho`). */
  readonly redisPrefix?: string;
  readonly limits?: KeyGuessingLimits;
  /** Told when the shared counters stop answering (they fall back to memory meanwhile). */
  readonly logger?: Logger;
}

/** The limits, where they live, and how to let go of what they opened. */
export interface OpenedRateLimits {
  readonly limits: RateLimits;
  readonly backend: RateLimitBackend;
  close(): Promise<void>;
}

/**
 * The guessing limits for this server process. With several processes they must be shared, or a guesser
 * gets N times the allowance by spreading over them: in Redis when `redisUrl` is given (loaded only then),
 * else in the store's database when other processes may share it (PostgreSQL), else (SQLite: one process) in
 * memory, which is exact there and spares the disk a write per guess. Shared counters that stop answering
 * fall back to this process's memory until they are back, so guessing stays limited and customers are served.
 * @example
 * const rate = await openRateLimits({ store, redisUrl: process.env.NINSHO_REDIS_URL });
 * const deps = buildDeps({ store, masterKey, limits: rate.limits });
 */
export async function openRateLimits(options: RateLimitOptions): Promise<OpenedRateLimits> {
  const limits = options.limits ?? defaultKeyGuessingLimits;
  const logger = options.logger;
  if (options.redisUrl !== undefined && options.redisUrl !== "") {
    const redis = await openRedisCounters(options.redisUrl, options.redisPrefix ?? "ninsho", logger);
    const counters = new FallbackRateLimitRepository(redis.counters, logger);
    return { limits: new RateLimits(counters, limits, logger), backend: "redis", close: redis.close };
  }
  if (!options.store.singleWriterProcess) {
    const counters = new FallbackRateLimitRepository(options.store.rateLimits, logger);
    return {
      limits: new RateLimits(counters, limits, logger),
      backend: "postgres",
      close: async () => undefined,
    };
  }
  const counters = new MemoryRateLimitRepository();
  return {
    limits: new RateLimits(counters, limits, logger),
    backend: "memory",
    close: async () => undefined,
  };
}
