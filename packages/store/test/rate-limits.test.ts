/**
 * The rate-limit counters on both dialects. Consume adds and reads back in one statement, so racing requests
 * from two server processes each see a distinct count: a limit of M lets exactly M through.
 */
import { RATE_LIMIT_KEY_MAX } from "@ninsho/store";
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

    describe("error", () => {
      it("refuses a counter name the table cannot hold", async () => {
        await expect(t.store.rateLimits.consume("", 1, MINUTE, T0)).rejects.toThrow(RangeError);
        await expect(
          t.store.rateLimits.consume("x".repeat(RATE_LIMIT_KEY_MAX + 1), 1, MINUTE, T0),
        ).rejects.toThrow(RangeError);
        expect(await t.store.rateLimits.consume("x".repeat(RATE_LIMIT_KEY_MAX), 1, MINUTE, T0)).toMatchObject(
          {
            count: 1,
          },
        );
      });
    });

    describe("security", () => {
      it("two processes racing 200 requests against one counter see each count 1…200 exactly once", async () => {
        const other = t.open(t.db, { poolSize: 8 });
        const stores = [t.store, other];
        const counts = await Promise.all(
          Array.from({ length: 200 }, (_, i) =>
            (stores[i % 2] ?? t.store).rateLimits.consume("race:203.0.113.7", 1, MINUTE, T0),
          ),
        );
        const sorted = counts.map((c) => c.count).sort((a, b) => a - b);
        expect(sorted).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
        // So a limit of 20 lets exactly 20 through, whatever the interleaving.
        expect(counts.filter((c) => c.count <= 20)).toHaveLength(20);
      });
    });
  });
});
