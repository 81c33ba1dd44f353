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
  });
});
