/**
 * A vitest reporter that ends the run with how long each package's tests took: per package (packages/core …,
 * bench, examples, attacks, scripts), its files, the time in them (import, tests and hooks; files run two at a
 * time, so the column adds up to more than the wall clock) and its slowest file. `npm test` prints it after
 * vitest's own summary, so a suite that grows slow is seen growing.
 */
import { relative } from "node:path";
import type { Reporter, TestModule } from "vitest/node";

/** `packages/cli/test/x.test.ts` → `packages/cli`; `bench/fleet/f.test.ts` → `bench`. */
export function packageOf(file: string): string {
  const [top, second] = file.split("/");
  return top === "packages" && second !== undefined ? `${top}/${second}` : (top ?? file);
}

interface Row {
  files: number;
  ms: number;
  slowest: { file: string; ms: number };
}

/** The table's lines, slowest package first. */
export function durationTable(files: readonly { file: string; ms: number }[]): string[] {
  const rows = new Map<string, Row>();
  for (const { file, ms } of files) {
    const name = packageOf(file);
    const row = rows.get(name) ?? { files: 0, ms: 0, slowest: { file, ms: -1 } };
    row.files += 1;
    row.ms += ms;
    if (ms > row.slowest.ms) row.slowest = { file, ms };
    rows.set(name, row);
  }
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const sorted = [...rows].sort(([, a], [, b]) => b.ms - a.ms);
  const width = Math.max(7, ...sorted.map(([name]) => name.length));
  const lines = [`${"package".padEnd(width)}  files  ${"time".padStart(9)}  slowest file`];
  for (const [name, row] of sorted) {
    const slowest = `${row.slowest.file.slice(name.length + 1)} (${seconds(row.slowest.ms)})`;
    lines.push(
      `${name.padEnd(width)}  ${String(row.files).padStart(5)}  ${seconds(row.ms).padStart(9)}  ${slowest}`,
    );
  }
  return lines;
}

export default class DurationReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    if (testModules.length === 0) return;
    const files = testModules.map((module) => {
      const d = module.diagnostic();
      return {
        file: relative(process.cwd(), module.moduleId).split("\\").join("/"),
        ms: d.collectDuration + d.setupDuration + d.duration,
      };
    });
    process.stdout.write(`\nTest time per package:\n${durationTable(files).join("\n")}\n`);
  }
}
