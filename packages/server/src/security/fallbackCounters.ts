import type { RateLimitRepository, WindowCount } from "@ninsho/store";
import type { Logger } from "pino";
import { MemoryRateLimitRepository } from "./memoryCounters.js";

/** At most one warning this often while the shared counters fail (a dead Redis must not flood the log). */
const WARN_EVERY_MS = 60_000;

/**
 * Shared counters (the database or Redis) with this process's memory as insurance: a call the shared store
 * fails is counted in memory instead, so guessing stays limited (per process) and customers are still served
 * while it is down.
 * @example
 * const counters = new FallbackRateLimitRepository(store.rateLimits, logger);
 */
export class FallbackRateLimitRepository implements RateLimitRepository {
  private readonly memory = new MemoryRateLimitRepository();
  private lastWarning = 0;

  constructor(
    private readonly shared: RateLimitRepository,
    private readonly logger?: Logger,
  ) {}

  consume(key: string, points: number, windowMs: number, nowMs: number): Promise<WindowCount> {
    return this.shared
      .consume(key, points, windowMs, nowMs)
      .catch((error: unknown) => this.failed(error, () => this.memory.consume(key, points, windowMs, nowMs)));
  }

  peek(key: string, nowMs: number): Promise<WindowCount | undefined> {
    return this.shared
      .peek(key, nowMs)
      .catch((error: unknown) => this.failed(error, () => this.memory.peek(key, nowMs)));
  }

  async purgeExpired(nowMs: number): Promise<number> {
    const [shared, memory] = await Promise.all([
      this.shared.purgeExpired(nowMs).catch(() => 0),
      this.memory.purgeExpired(nowMs),
    ]);
    return shared + memory;
  }

  private failed<T>(error: unknown, instead: () => Promise<T>): Promise<T> {
    const now = Date.now();
    if (now - this.lastWarning >= WARN_EVERY_MS) {
      this.lastWarning = now;
      this.logger?.warn(
        { err: error },
        "shared rate-limit counters failed; counting in this process meanwhile",
      );
    }
    return instead();
  }
}
