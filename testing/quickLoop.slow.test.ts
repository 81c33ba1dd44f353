/**
 * `npm run test:quick` is the default loop: the whole suite but the slow files (named `*.slow.test.ts`);
 * `npm test` (CI) runs everything. This asks vitest which files each would run, without running them.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const scripts = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts as Record<
  string,
  string
>;
const vitest = join(root, "node_modules", "vitest", "vitest.mjs");

/** The vitest arguments an npm script passes after `vitest run`. */
function vitestArgs(script: string): string[] {
  const run = / vitest run(.*)$/.exec(scripts[script] ?? "");
  if (run === null) throw new Error(`npm run ${script} does not end with vitest run: ${scripts[script]}`);
  return [...(run[1] ?? "").matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? "");
}

function filesOf(script: string): string[] {
  const list = spawnSync(process.execPath, [vitest, "list", "--filesOnly", ...vitestArgs(script)], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  expect(list.status, list.stderr).toBe(0);
  return list.stdout.split("\n").filter((line) => line.endsWith(".test.ts"));
}

describe("the quick loop and the whole suite", () => {
  const quick = filesOf("test:quick");
  const whole = filesOf("test");

  it("test:quick leaves out exactly the files tagged slow", () => {
    const slow = whole.filter((file) => file.endsWith(".slow.test.ts"));
    expect(slow.length).toBeGreaterThan(5);
    expect(quick.filter((file) => file.endsWith(".slow.test.ts"))).toEqual([]);
    expect([...quick].sort()).toEqual(whole.filter((file) => !slow.includes(file)).sort());
  });

  it("the long suites are tagged: the bench, the fleet, the route fuzz, the multi-process servers", () => {
    for (const file of [
      "bench/bench.slow.test.ts",
      "bench/fleet/fleet.slow.test.ts",
      "packages/server/test/fuzz-routes.security.slow.test.ts",
    ]) {
      expect(whole).toContain(file);
    }
    expect(whole.some((file) => file.includes("/multiprocess/"))).toBe(true);
    expect(quick.filter((file) => file.includes("/multiprocess/"))).toEqual([]);
  });

  it("npm test runs everything", () => {
    expect(vitestArgs("test")).toEqual([]);
    expect(whole).toContain("packages/core/test/productKey.happy.test.ts");
    expect(quick).toContain("packages/core/test/productKey.happy.test.ts");
  });
});
