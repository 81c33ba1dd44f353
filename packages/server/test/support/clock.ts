/** A clock the tests move by hand; the server reads it through `deps.clock`. */
export interface TestClock {
  readonly now: () => Date;
  /** Move forward by `ms` milliseconds. */
  advance(ms: number): void;
  /** Move forward by whole days. */
  advanceDays(days: number): void;
  set(at: Date | string): void;
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The instant every test app starts at, unless it says otherwise. */
export const START = "2026-03-01T09:00:00.000Z";

export function testClock(start: Date | string = START): TestClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    advanceDays: (days) => {
      current += days * DAY;
    },
    set: (at) => {
      current = new Date(at).getTime();
    },
  };
}
