import { describe, expect, it } from "vitest";
import { dialects, useStore } from "./support/databases.js";

describe.each(dialects)("$dialect", ({ dialect, skip }) => {
  describe.skipIf(skip)("daily counts", () => {
    const t = useStore(dialect);

    it("adds batches to a day's count and lists the days from a day on, in order", async () => {
      const counts = t.store.dailyCounts;
      await counts.add("happy", "2026-03-02", 40);
      await counts.add("happy", "2026-03-01", 7);
      await counts.add("happy", "2026-03-02", 2);
      await counts.add("other", "2026-03-02", 1000);
      expect(await counts.list("happy", "2026-03-01")).toEqual([
        { day: "2026-03-01", count: 7 },
        { day: "2026-03-02", count: 42 },
      ]);
      expect(await counts.list("happy", "2026-03-02")).toEqual([{ day: "2026-03-02", count: 42 }]);
      expect(await counts.list("none", "2026-03-01")).toEqual([]);
    });

    it("loses no batch when many are added to one day at once", async () => {
      const counts = t.store.dailyCounts;
      await Promise.all(Array.from({ length: 25 }, (_, i) => counts.add("together", "2026-03-03", i + 1)));
      expect(await counts.list("together", "2026-03-03")).toEqual([{ day: "2026-03-03", count: 325 }]);
    });

    it("writes nothing for an empty batch", async () => {
      await t.store.dailyCounts.add("empty", "2026-03-04", 0);
      expect(await t.store.dailyCounts.list("empty", "2026-03-01")).toEqual([]);
    });

    it("counts inside a transaction like any other write", async () => {
      await t.store.transaction((tx) => tx.dailyCounts.add("tx", "2026-03-05", 3));
      expect(await t.store.dailyCounts.list("tx", "2026-03-05")).toEqual([{ day: "2026-03-05", count: 3 }]);
    });
  });
});
