import { sql } from "kysely";
import type { Executor } from "./executor.js";

/** One counter in a fixed window: the points it holds and when the window ends (then it starts from zero). */
export interface WindowCount {
  readonly count: number;
  /** Epoch milliseconds at which the window ends. */
  readonly resetAt: number;
}

/**
 * Counters for rate limits, shared by every server process on one database. Each call is one atomic statement,
 * so a limit is decided on the count *after* this request's points were added (consume, then decide): N
 * requests racing against a limit of M see the counts 1…N, exactly M of them within the limit.
 *
 * Implemented on both dialects by {@link KyselyRateLimitRepository}; the server also puts this interface in
 * front of its own memory and Redis counters.
 */
export interface RateLimitRepository {
  /**
   * Add `points` to the counter `key` and return it as it stands afterwards. A counter whose window has ended
   * (or that does not exist) starts a new window of `windowMs` from `nowMs`.
   * @example
   * const { count, resetAt } = await store.rateLimits.consume("guess:203.0.113.7", 1, 60_000, Date.now());
   * if (count > 20) refuse(Math.ceil((resetAt - Date.now()) / 1000));
   */
  consume(key: string, points: number, windowMs: number, nowMs: number): Promise<WindowCount>;
  /**
   * The counter as it stands, without changing it; `undefined` when there is none or its window has ended.
   * @example
   * const seen = await store.rateLimits.peek("guess:203.0.113.7", Date.now());
   */
  peek(key: string, nowMs: number): Promise<WindowCount | undefined>;
  /**
   * Forget counters whose window ended before `nowMs` (addresses that never came back); how many went.
   * @example
   * await store.rateLimits.purgeExpired(Date.now());
   */
  purgeExpired(nowMs: number): Promise<number>;
}

/** The longest counter name the table holds. */
export const RATE_LIMIT_KEY_MAX = 255;

/** Rate-limit counters in the `rate_limits` table (made by migration 0004), on SQLite and PostgreSQL alike. */
export class KyselyRateLimitRepository implements RateLimitRepository {
  constructor(private readonly db: Executor) {}

  async consume(key: string, points: number, windowMs: number, nowMs: number): Promise<WindowCount> {
    checkKey(key);
    const expire = nowMs + windowMs;
    // One upsert: the row is created, restarted (its window over) or added to, and read back, atomically.
    const row = await this.db
      .insertInto("rate_limits")
      .values({ key, points, expire })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet({
          points: sql<number>`case when rate_limits.expire <= ${nowMs} then excluded.points else rate_limits.points + excluded.points end`,
          expire: sql<number>`case when rate_limits.expire <= ${nowMs} then excluded.expire else rate_limits.expire end`,
        }),
      )
      .returning(["points", "expire"])
      .executeTakeFirstOrThrow();
    return { count: Number(row.points), resetAt: Number(row.expire) };
  }

  async peek(key: string, nowMs: number): Promise<WindowCount | undefined> {
    checkKey(key);
    const row = await this.db
      .selectFrom("rate_limits")
      .select(["points", "expire"])
      .where("key", "=", key)
      .executeTakeFirst();
    if (!row || row.expire === null || Number(row.expire) <= nowMs) return undefined;
    return { count: Number(row.points), resetAt: Number(row.expire) };
  }

  async purgeExpired(nowMs: number): Promise<number> {
    const result = await this.db.deleteFrom("rate_limits").where("expire", "<=", nowMs).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function checkKey(key: string): void {
  if (key.length === 0 || key.length > RATE_LIMIT_KEY_MAX) {
    throw new RangeError(`a rate-limit counter name has 1 to ${RATE_LIMIT_KEY_MAX} characters`);
  }
}
