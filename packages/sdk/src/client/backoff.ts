/**
 * How refresh failures are spaced: exponential from `minMs`, capped at `maxMs`, with full jitter over
 * `[minMs, ceiling)` so a fleet that lost its server at the same instant does not return at the same instant.
 * `random` is injectable so tests can pin the jitter.
 *
 * @example
 * const client = createClient({ ...options, backoff: { minMs: 30_000, maxMs: 6 * 3_600_000 } });
 */
export interface BackoffOptions {
  /** Shortest wait after a failure (default 30 s). */
  readonly minMs?: number;
  /** Longest wait, however many failures (default 6 h). */
  readonly maxMs?: number;
  /** A source of uniform numbers in [0, 1) (default `Math.random`). */
  readonly random?: () => number;
}

/**
 * The default bounds: 30 seconds (a blip passes) to 6 hours (a lease of days survives a long outage with
 * several attempts left).
 *
 * @example
 * console.log(BACKOFF_DEFAULTS.maxMs / 3_600_000); // 6
 */
export const BACKOFF_DEFAULTS = { minMs: 30_000, maxMs: 6 * 3_600_000 } as const;

/**
 * The upper bound of the wait after `failures` failures in a row: `minMs · 2^(failures-1)`, capped.
 *
 * @example
 * backoffCeiling(1); // 30_000
 * backoffCeiling(3); // 120_000
 * backoffCeiling(20); // 21_600_000 (the 6 h cap)
 */
export function backoffCeiling(failures: number, options: BackoffOptions = {}): number {
  const min = options.minMs ?? BACKOFF_DEFAULTS.minMs;
  const max = Math.max(min, options.maxMs ?? BACKOFF_DEFAULTS.maxMs);
  // Past 2^30 the product only overflows towards Infinity; the cap is reached long before.
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  return Math.min(max, min * 2 ** exponent);
}

/**
 * The wait after `failures` failures in a row: uniform in `[minMs, backoffCeiling(failures))`.
 *
 * @example
 * backoffDelay(1, { random: () => 0 }); // 30_000
 * backoffDelay(4, { random: () => 0.5 }); // 30_000 + 0.5 × (240_000 − 30_000) = 135_000
 */
export function backoffDelay(failures: number, options: BackoffOptions = {}): number {
  const min = options.minMs ?? BACKOFF_DEFAULTS.minMs;
  const ceiling = backoffCeiling(failures, options);
  const random = Math.min(Math.max((options.random ?? Math.random)(), 0), 1);
  return Math.round(min + random * (ceiling - min));
}
