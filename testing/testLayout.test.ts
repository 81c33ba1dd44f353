/**
 * One test layout (README, "Testing"): every test file under `packages/<name>/test/` says what kind of cases it
 * holds — `<topic>.happy.test.ts`, `<topic>.error.test.ts`, `<topic>.security.test.ts`, or `<topic>.unit.test.ts`
 * for pure functions — with `.slow` before `.test.ts` when it is left out of the quick loop. Every file in
 * `attacks/` is one attacker (security by its folder): `<attack>.test.ts`, in kebab-case. A test file anywhere
 * else in a package (its `src/`, a `support/` folder) would not run or would be a helper misnamed.
 */
import { readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const KINDS = ["happy", "error", "security", "unit"] as const;
const PACKAGE_TEST = new RegExp(
  `^packages/[a-z-]+/test/(?:[A-Za-z0-9-]+/)*[A-Za-z0-9-]+\\.(?:${KINDS.join("|")})(?:\\.slow)?\\.test\\.ts$`,
);
const ATTACK = /^attacks\/[a-z0-9]+(?:-[a-z0-9]+)*(?:\.slow)?\.test\.ts$/;

/**
 * Why a test file's path breaks the layout, or `undefined` when it follows it. Paths are relative to the root,
 * with `/`.
 */
function layoutProblem(path: string): string | undefined {
  if (path.includes("/support/")) return "a support folder holds helpers, not tests";
  if (path.startsWith("attacks/")) {
    return ATTACK.test(path) ? undefined : "an attack file is attacks/<attack-in-kebab-case>.test.ts";
  }
  if (!/^packages\/[^/]+\/test\//.test(path)) return "tests live in the package's test/ folder";
  return PACKAGE_TEST.test(path)
    ? undefined
    : `name it <topic>.<kind>.test.ts (kind: ${KINDS.join(", ")}), with .slow before .test.ts when slow`;
}

/** The `*.test.ts` files under `dir` (relative to the root), past installed and built folders. */
function testFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ["node_modules", "dist"].includes(entry.name) ? [] : testFiles(path);
    return entry.name.endsWith(".test.ts") ? [relative(".", path).split("\\").join("/")] : [];
  });
}

describe("the test layout", () => {
  it("knows a good name from a bad one", () => {
    for (const good of [
      "packages/server/test/activation.happy.test.ts",
      "packages/server/test/offline/licenseFiles.error.test.ts",
      "packages/cli/test/device/binary.happy.slow.test.ts",
      "packages/core/test/offline/damm.unit.test.ts",
      "attacks/phone-lockout.test.ts",
      "attacks/guessing-burst.slow.test.ts",
    ]) {
      expect(layoutProblem(good), good).toBeUndefined();
    }
    for (const bad of [
      "packages/server/test/activation.test.ts",
      "packages/server/test/activation.slow.test.ts",
      "packages/server/test/activation.slow.happy.test.ts",
      "packages/sdk/test/client/status.facts.test.ts",
      "packages/core/src/ids.unit.test.ts",
      "packages/server/test/support/server.happy.test.ts",
      "attacks/phoneLockout.test.ts",
      "attacks/phone-lockout.security.test.ts",
    ]) {
      expect(layoutProblem(bad), bad).toBeDefined();
    }
  });

  it("every test file of the packages and the attacks follows it", () => {
    const packages = readdirSync(join(root, "packages"));
    const files = [...packages.flatMap((name) => testFiles(join("packages", name))), ...testFiles("attacks")];
    expect(files.length).toBeGreaterThan(100);
    const problems = files.flatMap((file) => {
      const problem = layoutProblem(file);
      return problem === undefined ? [] : [`${file}: ${problem}`];
    });
    expect(problems).toEqual([]);
  });

  it("each package's tests hold happy, error and security cases beside any unit ones", () => {
    for (const name of ["core", "store", "server", "sdk", "cli"]) {
      const kinds = new Set(
        testFiles(join("packages", name)).map((file) => /\.([a-z]+)(?:\.slow)?\.test\.ts$/.exec(file)?.[1]),
      );
      expect([...kinds].filter((kind) => kind !== "unit").sort(), name).toEqual([
        "error",
        "happy",
        "security",
      ]);
    }
  });
});
