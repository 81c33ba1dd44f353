import { describe, expect, it } from "vitest";
import { dialects, useStore } from "./support/databases.js";

const MINUTE = 60_000;
const T0 = Date.parse("2026-03-01T00:00:00.000Z");

describe.each(dialects)("$dialect", ({ dialect, skip }) => {
  describe.skipIf(skip)("rate-limit counters", () => {
    const t = useStore(dialect);

    describe("happy", () => {
      it("counts in a window and starts again when it ends", async () => {
        const counters = t.store.rateLimits;
        expect(await counters.peek("happy:a", T0)).toBeUndefined();
        expect(await counters.consume("happy:a", 1, MINUTE, T0)).toEqual({ count: 1, resetAt: T0 + MINUTE });
        expect(await counters.consume("happy:a", 2, MINUTE, T0 + 10)).toEqual({
          count: 3,
          resetAt: T0 + MINUTE,
        });
        expect(await counters.peek("happy:a", T0 + 20)).toEqual({ count: 3, resetAt: T0 + MINUTE });
        // The window is over: the counter is gone for peek and starts afresh for consume.
        expect(await counters.peek("happy:a", T0 + MINUTE)).toBeUndefined();
        expect(await counters.consume("happy:a", 1, MINUTE, T0 + MINUTE)).toEqual({
          count: 1,
          resetAt: T0 + 2 * MINUTE,
        });
        // Another name is another counter.
        expect(await counters.consume("happy:b", 1, MINUTE, T0)).toEqual({ count: 1, resetAt: T0 + MINUTE });
      });

      it("forgets counters whose window is over", async () => {
        const counters = t.store.rateLimits;
        await counters.consume("purge:old", 1, MINUTE, T0);
        await counters.consume("purge:new", 1, 10 * MINUTE, T0);
        expect(await counters.purgeExpired(T0 + 2 * MINUTE)).toBeGreaterThanOrEqual(1);
        expect(await counters.peek("purge:new", T0 + 2 * MINUTE)).toEqual({
          count: 1,
          resetAt: T0 + 10 * MINUTE,
        });
        expect(await counters.consume("purge:old", 1, MINUTE, T0 + 2 * MINUTE)).toMatchObject({ count: 1 });
      });
    });
  });
});
