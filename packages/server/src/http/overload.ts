import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env.js";
import { NinshoError } from "./problem.js";

/** When the server stops taking new API requests; each limit off at 0. */
export interface OverloadOptions {
  /** API requests being answered at once beyond which new ones are refused (default 1024). */
  readonly maxInFlight?: number;
  /**
   * Event-loop delay, ms, beyond which new API requests are refused (default 0: off). It follows the CPU
   * the process gets, so on a machine shared with other busy work it sheds load the process itself did not
   * cause: turn it on where the server has its cores to itself.
   */
  readonly maxEventLoopDelayMs?: number;
  /** Seconds a refused client is told to wait (Retry-After; default 2). */
  readonly retryAfterSeconds?: number;
  /** How often the event loop's delay is sampled, ms (default 25). */
  readonly sampleIntervalMs?: number;
}

export const OVERLOAD_DEFAULTS = {
  maxInFlight: 1024,
  maxEventLoopDelayMs: 0,
  retryAfterSeconds: 2,
  sampleIntervalMs: 25,
} as const;

/**
 * Sheds load beyond saturation. Past the point where the process answers as fast as it can, every extra
 * request only waits longer, and so does every request behind it: p99 grows without bound while clients time
 * out and retry. So a request that arrives while too many are already being answered, or while the event loop
 * runs late (a timer sampled every `sampleIntervalMs` fired that much after its time, twice in a row), is answered at once
 * with 503 SERVER_BUSY and Retry-After, before its body is read, and the requests already admitted finish in
 * bounded time. A flood from one address is the rate limits' business; this guards the process as a whole.
 * @example
 * const shedder = new LoadShedder({ maxInFlight: 512 });
 * const app = createApp(deps, { overload: shedder });
 * // on shutdown
 * shedder.close();
 */
export class LoadShedder {
  readonly maxInFlight: number;
  readonly maxEventLoopDelayMs: number;
  readonly retryAfterSeconds: number;
  private inFlight = 0;
  private delayMs = 0;
  private previousDelayMs = 0;
  private expected: number;
  private readonly timer: NodeJS.Timeout | undefined;
  private sampled: (() => void)[] = [];

  constructor(options: OverloadOptions = {}) {
    this.maxInFlight = options.maxInFlight ?? OVERLOAD_DEFAULTS.maxInFlight;
    this.maxEventLoopDelayMs = options.maxEventLoopDelayMs ?? OVERLOAD_DEFAULTS.maxEventLoopDelayMs;
    this.retryAfterSeconds = Math.max(1, options.retryAfterSeconds ?? OVERLOAD_DEFAULTS.retryAfterSeconds);
    const interval = options.sampleIntervalMs ?? OVERLOAD_DEFAULTS.sampleIntervalMs;
    this.expected = performance.now() + interval;
    // Sampled only when the limit is on: an idle timer is no cost worth paying for a figure nobody reads.
    this.timer =
      this.maxEventLoopDelayMs > 0
        ? setInterval(() => {
            const now = performance.now();
            this.previousDelayMs = this.delayMs;
            this.delayMs = Math.max(0, now - this.expected);
            this.expected = now + interval;
            for (const wake of this.sampled.splice(0)) wake();
          }, interval).unref()
        : undefined;
  }

  /**
   * The event loop's delay, ms: the smaller of the last two samples, so one late tick (a start-up, a long
   * garbage collection, one slow synchronous task) sheds nothing, while a loop that stays late does.
   */
  get eventLoopDelayMs(): number {
    return Math.min(this.delayMs, this.previousDelayMs);
  }

  /** Requests admitted and not yet answered. */
  get admitted(): number {
    return this.inFlight;
  }

  /** Resolves after the next sample of the event loop's delay (tests wait on it instead of on time). */
  nextSample(): Promise<void> {
    if (!this.timer) return Promise.resolve();
    return new Promise((done) => this.sampled.push(done));
  }

  /** Why a new request would be refused now, or undefined. */
  busy(): "in_flight" | "event_loop_delay" | undefined {
    if (this.maxInFlight > 0 && this.inFlight >= this.maxInFlight) return "in_flight";
    if (this.maxEventLoopDelayMs > 0 && this.eventLoopDelayMs > this.maxEventLoopDelayMs)
      return "event_loop_delay";
    return undefined;
  }

  /** The middleware: refuse when busy, else count the request while it is answered. */
  readonly middleware: MiddlewareHandler<AppEnv> = async (_c, next) => {
    const reason = this.busy();
    if (reason) {
      const retryAfter = this.retryAfterSeconds;
      throw new NinshoError(
        { code: "SERVER_BUSY", params: { retryAfter }, details: { reason } },
        { "retry-after": String(retryAfter) },
      );
    }
    this.inFlight++;
    try {
      await next();
    } finally {
      this.inFlight--;
    }
  };

  close(): void {
    clearInterval(this.timer);
    for (const wake of this.sampled.splice(0)) wake();
  }
}
