/** How deliveries are retried: exponential backoff from a minute to six hours, given up after the last attempt. */
export const deliveryRetry = {
  firstDelayMs: 60_000,
  maxDelayMs: 6 * 3_600_000,
  /** Attempts in all: about three days of retrying with the delays above. */
  maxAttempts: 16,
  /** Failures in a row after which an endpoint is reported failing (an alert in the audit log and the log). */
  alertAfterFailures: 5,
} as const;

/**
 * When to try a delivery again after its `attempts`-th failure, or `undefined` to give up: 1, 2, 4, … minutes,
 * capped at six hours. No jitter: one endpoint's deliveries are spread by their own failure times already.
 * @example
 * retryDelayMs(1); // 60_000
 * retryDelayMs(3); // 240_000
 */
export function retryDelayMs(
  attempts: number,
  retry: typeof deliveryRetry = deliveryRetry,
): number | undefined {
  if (attempts >= retry.maxAttempts) return undefined;
  return Math.min(retry.firstDelayMs * 2 ** Math.max(0, attempts - 1), retry.maxDelayMs);
}
