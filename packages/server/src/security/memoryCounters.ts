import type { RateLimitRepository, WindowCount } from "@ninsho/store";

/** How often the memory counters drop the ones whose window is over (addresses that never came back). */
const SWEEP_EVERY_MS = 60_000;

/**
 * Rate-limit counters in this process's memory: exact when one process serves (SQLite), and the stand-in
 * while a shared store does not answer. Each call runs to its end before another starts (one thread), so
 * consume-then-decide holds here as it does in the database.
 * @example
 * const counters = new MemoryRateLimitRepository();
 * await counters.consume("guess:203.0.113.7", 1, 60_000, Date.now()); // { count: 1, resetAt: … }
 */
export class MemoryRateLimitRepository implements RateLimitRepository {
  private readonly counters = new Map<string, WindowCount>();
  private nextSweep = 0;

  async consume(key: string, points: number, windowMs: number, nowMs: number): Promise<WindowCount> {
    this.sweep(nowMs);
    const current = this.counters.get(key);
    const next =
      current === undefined || current.resetAt <= nowMs
        ? { count: points, resetAt: nowMs + windowMs }
        : { count: current.count + points, resetAt: current.resetAt };
    this.counters.set(key, next);
    return next;
  }

  async peek(key: string, nowMs: number): Promise<WindowCount | undefined> {
    const current = this.counters.get(key);
    return current === undefined || current.resetAt <= nowMs ? undefined : current;
  }

  async purgeExpired(nowMs: number): Promise<number> {
    let removed = 0;
    for (const [key, counter] of this.counters) {
      if (counter.resetAt <= nowMs) {
        this.counters.delete(key);
        removed += 1;
      }
    }
    return removed;
  }

  private sweep(nowMs: number): void {
    if (nowMs < this.nextSweep) return;
    this.nextSweep = nowMs + SWEEP_EVERY_MS;
    void this.purgeExpired(nowMs);
  }
}
