import { describe, expect, it } from "vitest";
import { dialects, useStore } from "./support/databases.js";

const MINUTE = 60_000;
const T0 = Date.parse("2026-03-01T00:00:00.000Z");

describe.each(dialects)("$dialect", ({ dialect, skip }) => {
  describe.skipIf(skip)("rate-limit counters", () => {
    const t = useStore(dialect);

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
