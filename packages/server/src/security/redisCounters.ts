import type { RateLimitRepository, WindowCount } from "@ninsho/store";
import type { Redis } from "ioredis";
import type { Logger } from "pino";

/**
 * Add ARGV[1] points to KEYS[1] and return { count, milliseconds left }; a key that is absent (or has no expiry)
 * starts a window of ARGV[2] ms. One script runs alone in Redis, so the add and the read are one step.
 */
const CONSUME = `
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return { tonumber(ARGV[1]), tonumber(ARGV[2]) }
end
local count = redis.call('INCRBY', KEYS[1], ARGV[1])
return { count, ttl }
`;

/** Redis counters, and how to let go of the connection. */
export interface RedisCounters {
  readonly counters: RateLimitRepository;
  close(): Promise<void>;
}

/**
 * Rate-limit counters in Redis, under `prefix:`. Redis is optional: `ioredis` is imported here, only when a
 * Redis URL is configured. Windows are Redis expiries, so a counter is gone when its window ends (nothing to
 * purge).
 * @example
 * const redis = await openRedisCounters("redis://cache:6379", "ninsho", logger);
 * const deps = buildDeps({ store, masterKey, limits: new RateLimits(redis.counters) });
 */
export async function openRedisCounters(
  url: string,
  prefix: string,
  logger?: Logger,
): Promise<RedisCounters> {
  const { Redis: RedisClient } = await import("ioredis");
  const redis = new RedisClient(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on("error", (error: Error) => logger?.warn({ err: error }, "Redis for rate limits"));
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    const where = new URL(url);
    throw new Error(`cannot reach Redis at ${where.host} for the rate limits (${String(error)})`);
  }
  return {
    counters: new RedisRateLimitRepository(redis, prefix),
    close: async () => void (await redis.quit()),
  };
}

class RedisRateLimitRepository implements RateLimitRepository {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async consume(key: string, points: number, windowMs: number, nowMs: number): Promise<WindowCount> {
    const reply = (await this.redis.eval(CONSUME, 1, this.name(key), points, windowMs)) as [number, number];
    return { count: Number(reply[0]), resetAt: nowMs + Number(reply[1]) };
  }

  async peek(key: string, nowMs: number): Promise<WindowCount | undefined> {
    const name = this.name(key);
    const [count, ttl] = await Promise.all([this.redis.get(name), this.redis.pttl(name)]);
    if (count === null || ttl <= 0) return undefined;
    return { count: Number(count), resetAt: nowMs + ttl };
  }

  async purgeExpired(): Promise<number> {
    return 0; // Redis expires them itself
  }

  private name(key: string): string {
    return `${this.prefix}:${key}`;
  }
}
