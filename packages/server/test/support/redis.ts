/**
 * Redis for the tests of shared rate limits, at `NINSHO_TEST_REDIS_URL` (default `redis://127.0.0.1:6379`).
 * Redis is optional for Ninsho, so when it cannot be reached those tests are skipped with a printed note —
 * unless `NINSHO_TEST_REDIS_URL` is set and `CI` is too, when they run and fail.
 */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { isCi } from "./postgres.js";

export const REDIS_URL = process.env.NINSHO_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function probe(): Promise<string | undefined> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000 });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    redis.disconnect();
  }
}

export const redisProblem = await probe();

/** True when the Redis variants should be skipped. */
export const skipRedis = redisProblem !== undefined && !(isCi && process.env.NINSHO_TEST_REDIS_URL);

if (skipRedis) {
  process.stderr.write(
    `\nRedis not reachable at ${REDIS_URL} (${redisProblem}): the Redis variants were skipped\n\n`,
  );
}

/** A key prefix no other test run uses, so runs sharing one Redis never count each other's failures. */
export const uniqueRedisPrefix = (): string => `ninsho-test-${randomBytes(6).toString("hex")}`;

/** Remove every key under a prefix. */
export async function dropRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true });
  redis.on("error", () => undefined);
  await redis.connect();
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
