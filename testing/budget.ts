/**
 * Time limits in the tests catch a hang; they never measure speed. A loaded machine (CI, or seven jobs on two
 * cores) is slow, not wrong, so no limit may be near what the work needs: every test and hook may take
 * `HANG_MS` (vitest.config.ts), and work whose size is known gets `budgetMs(units, allowanceMs)` — its size
 * times a per-unit allowance far above what one unit takes — when that is longer still.
 */
export const HANG_MS = 600_000;

/**
 * The time limit of work of `units` units, each allowed `allowanceMs`; never below `HANG_MS`.
 * @example
 * it("simulates the fleet", () => { … }, budgetMs(devices * years, 5));
 */
export function budgetMs(units: number, allowanceMs: number): number {
  if (!(units >= 0) || !(allowanceMs > 0)) throw new RangeError(`budgetMs(${units}, ${allowanceMs})`);
  return Math.max(HANG_MS, Math.ceil(units * allowanceMs));
}
