/** PostgreSQL aborted the transaction to keep it correct; running it again is the documented remedy. */
const RETRYABLE = new Set([
  "40001", // serialization_failure (SERIALIZABLE databases such as CockroachDB, or a conflicting update)
  "40P01", // deadlock_detected
]);

/** Runs of a transaction before its failure is passed on. */
const ATTEMPTS = 4;

const isRetryable = (error: unknown): boolean =>
  typeof error === "object" &&
  error !== null &&
  RETRYABLE.has(String((error as { code?: unknown }).code ?? ""));

/**
 * Run a whole transaction again when the database aborted it as a serialization failure or a deadlock victim
 * (after a short random pause, so the contenders do not meet again). Its work is only database writes, which
 * the abort undid, so a rerun is safe; anything else is passed on at once.
 * @example
 * await retryAborted(() => db.transaction().execute(work));
 */
export async function retryAborted<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
