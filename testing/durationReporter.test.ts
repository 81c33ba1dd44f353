import { describe, expect, it } from "vitest";
import { budgetMs, HANG_MS } from "./budget.js";
import { durationTable, packageOf } from "./durationReporter.js";

describe("the time per package at the end of npm test", () => {
  it("groups files by package, slowest package first, with its slowest file", () => {
    expect(packageOf("packages/cli/test/admin/keys.test.ts")).toBe("packages/cli");
    expect(packageOf("bench/fleet/fleet.slow.test.ts")).toBe("bench");
    const lines = durationTable([
      { file: "packages/cli/test/a.test.ts", ms: 1_000 },
      { file: "packages/cli/test/b.test.ts", ms: 3_000 },
      { file: "bench/bench.slow.test.ts", ms: 9_000 },
    ]);
    expect(lines[0]).toMatch(/^package\s+files\s+time\s+slowest file$/);
    expect(lines[1]).toMatch(/^bench\s+1\s+9\.0 s\s+bench\.slow\.test\.ts \(9\.0 s\)$/);
    expect(lines[2]).toMatch(/^packages\/cli\s+2\s+4\.0 s\s+test\/b\.test\.ts \(3\.0 s\)$/);
  });
});

describe("time budgets", () => {
  it("never below the hang limit, and growing with the size of the work", () => {
    expect(budgetMs(10, 1)).toBe(HANG_MS);
    expect(budgetMs(1_000_000, 5)).toBe(5_000_000);
    expect(() => budgetMs(-1, 5)).toThrow(RangeError);
  });
});
