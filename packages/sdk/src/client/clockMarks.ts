import type { StoredState } from "./storage/stateFile.js";

/**
 * Clock rollback detection. Two high-water marks only ever rise: the latest signed server time (answers and
 * lease issue times, which no one can forge) and the latest local time seen while validating. A local time
 * earlier than the higher mark by more than the tolerance means the clock was set back, perhaps to stretch a
 * lease. The tolerance absorbs honest skew: a hardware clock kept in local time by another OS on the same
 * machine is off by up to 14 hours, and calling that an attack would lock out a paying customer.
 *
 * @example
 * createClient({ ...options, clockToleranceMs: DEFAULT_CLOCK_TOLERANCE_MS / 4 }); // a stricter 6 h
 */
export const DEFAULT_CLOCK_TOLERANCE_MS = 24 * 3_600_000;

/**
 * The earliest local time that is not a rollback.
 *
 * @example
 * if (Date.now() < rollbackFloor(state, DEFAULT_CLOCK_TOLERANCE_MS)) report("CLOCK_ROLLBACK");
 */
export const rollbackFloor = (state: StoredState, toleranceMs: number): number =>
  Math.max(state.serverMarkMs, state.localMarkMs) - toleranceMs;

/**
 * The instant the clock was set back from (what CLOCK_ROLLBACK names as already seen).
 *
 * @example
 * new Date(seenAt(state)).toISOString(); // "2026-11-21T02:55:57.000Z", named in CLOCK_ROLLBACK
 */
export const seenAt = (state: StoredState): number => Math.max(state.serverMarkMs, state.localMarkMs);

/**
 * Note a signed server time.
 *
 * @example
 * observeServerTime(state, Date.parse(answer.serverTime), Date.now(), DEFAULT_CLOCK_TOLERANCE_MS);
 */
export function observeServerTime(
  state: StoredState,
  serverTimeMs: number,
  nowMs: number,
  toleranceMs: number,
): void {
  state.serverMarkMs = Math.max(state.serverMarkMs, serverTimeMs);
  // A fresh signed time that agrees with the local clock proves the clock right now, so a local mark pushed
  // ahead by a clock that once ran fast (and was corrected since) is forgotten: it would read as a rollback.
  if (Math.abs(serverTimeMs - nowMs) <= toleranceMs) state.localMarkMs = Math.max(nowMs, serverTimeMs);
}
