/** Offline codes count whole UTC days from 2024-01-01, in 16 bits: good until the year 2203. */
export const OFFLINE_EPOCH_MS = Date.UTC(2024, 0, 1);
export const DAY_MS = 86_400_000;
export const MAX_OFFLINE_DAY = 0xffff;

/**
 * The offline day number of an instant (days since 2024-01-01 UTC, rounded down).
 * @example
 * offlineDay(new Date("2024-01-02T12:00:00Z")); // 1
 */
export function offlineDay(at: Date): number {
  const day = Math.floor((at.getTime() - OFFLINE_EPOCH_MS) / DAY_MS);
  if (day < 0 || day > MAX_OFFLINE_DAY) throw new RangeError("date outside the offline day range");
  return day;
}

/**
 * The instant a day number begins (00:00 UTC).
 * @example
 * dayStart(1).toISOString(); // "2024-01-02T00:00:00.000Z"
 */
export const dayStart = (day: number): Date => new Date(OFFLINE_EPOCH_MS + day * DAY_MS);

/**
 * The calendar date of a day number, `YYYY-MM-DD`.
 * @example
 * dayDate(0); // "2024-01-01"
 */
export const dayDate = (day: number): string => dayStart(day).toISOString().slice(0, 10);
