/**
 * scripts/check-lockfile.mjs (run by `npm test`) must fail on each way a lockfile broke `npm ci` for a newcomer:
 * out of step with a manifest, missing another platform's binaries, or locking a package that needs a newer
 * Node than the one we promise. Each case builds a small project in a temp folder, or mutates a copy of ours.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const script = join(repo, "scripts", "check-lockfile.mjs");
// Every workspace the root names (packages/<name>), so a new package is copied without editing this test.
const workspaces: string[] = (
  JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as { workspaces: string[] }
).workspaces;

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "ninsho-lockfile-"));
  made.push(dir);
  return dir;
}

function check(project: string): { code: number | null; out: string } {
  const run = spawnSync(process.execPath, [script, project], { cwd: project, encoding: "utf8" });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

const writeJson = (path: string, value: unknown) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
};

/** Two workspaces, `b` depending on `a`: npm locks them without the registry. */
function tinyWorkspace(): string {
  const dir = tempProject();
  writeJson(join(dir, "package.json"), {
    name: "tiny",
    private: true,
    engines: { node: ">=20.19" },
    workspaces: ["a", "b"],
  });
  writeJson(join(dir, "a", "package.json"), { name: "a", version: "1.0.0" });
  writeJson(join(dir, "b", "package.json"), { name: "b", version: "1.0.0", dependencies: { a: "^1.0.0" } });
  const lock = spawnSync(
    "npm",
    ["install", "--package-lock-only", "--ignore-scripts", "--offline", "--no-audit", "--no-fund"],
    { cwd: dir, encoding: "utf8" },
  );
  expect(lock.status, lock.stderr).toBe(0);
  expect(check(dir).code).toBe(0);
  return dir;
}

/** Our manifests and lockfile, with `edit` applied to the lockfile. */
function copyOfOurs(edit: (packages: Record<string, Record<string, unknown>>) => void): string {
  const dir = tempProject();
  copyFileSync(join(repo, "package.json"), join(dir, "package.json"));
  copyFileSync(join(repo, ".npmrc"), join(dir, ".npmrc"));
  for (const folder of workspaces) {
    mkdirSync(join(dir, folder), { recursive: true });
    copyFileSync(join(repo, folder, "package.json"), join(dir, folder, "package.json"));
  }
  const lock = JSON.parse(readFileSync(join(repo, "package-lock.json"), "utf8"));
  edit(lock.packages);
  writeJson(join(dir, "package-lock.json"), lock);
  return dir;
}

describe("the lockfile check", () => {
  it("passes on our lockfile: npm ci would accept it, every platform locked, every engine met", () => {
    const { code, out } = check(repo);
    expect(out).toContain("matches the manifests");
    expect(code).toBe(0);
  });

  it("fails when a workspace's dependencies changed and the lockfile was not regenerated", () => {
    const dir = tinyWorkspace();
    writeJson(join(dir, "b", "package.json"), {
      name: "b",
      version: "1.0.0",
      dependencies: { a: "^1.0.0", c: "1.0.0" },
    });
    const { code, out } = check(dir);
    expect(code).toBe(1);
    expect(out).toContain("b/package.json: dependencies differ from the lockfile's copy");
  });

  it("fails when a workspace was added and not locked, and says what npm ci says", () => {
    const dir = tinyWorkspace();
    writeJson(join(dir, "package.json"), {
      name: "tiny",
      engines: { node: ">=20.19" },
      workspaces: ["a", "b", "c"],
    });
    writeJson(join(dir, "c", "package.json"), { name: "c", version: "1.0.0" });
    const { code, out } = check(dir);
    expect(code).toBe(1);
    expect(out).toContain("c/package.json is not in the lockfile");
    expect(out).toMatch(
      /npm ci refuses this lockfile:[\s\S]*in sync[\s\S]*Missing: c@1\.0\.0 from lock file/,
    );
  });

  it("fails when another platform's binaries are missing, as a lockfile written on one machine once was", () => {
    const dir = copyOfOurs((packages) => {
      delete packages["node_modules/@biomejs/cli-win32-x64"];
      delete packages["node_modules/@rollup/rollup-darwin-arm64"];
    });
    const { code, out } = check(dir);
    expect(code).toBe(1);
    expect(out).toContain("@biomejs/cli-win32-x64 (optional dependency of node_modules/@biomejs/biome)");
    expect(out).toContain("@rollup/rollup-darwin-arm64 (optional dependency of node_modules/rollup)");
  });

  it("fails when a locked package needs a newer Node than the root package.json promises", () => {
    const dir = copyOfOurs((packages) => {
      const path = Object.keys(packages).find((at) => at.endsWith("node_modules/canonicalize"));
      const canonicalize = path === undefined ? undefined : packages[path];
      if (canonicalize === undefined)
        throw new Error("canonicalize is no longer locked; pick another package");
      canonicalize.engines = { node: ">=22" };
    });
    const { code, out } = check(dir);
    expect(code).toBe(1);
    expect(out).toMatch(/do not run on Node 20\.19\.0[^\n]*\n\s+canonicalize@4\.\S+ needs Node >=22/);
  });

  it("locks the platform packages of the tools that ship binaries, for Windows, macOS and Linux", () => {
    const packages = JSON.parse(readFileSync(join(repo, "package-lock.json"), "utf8")).packages;
    for (const name of [
      "@biomejs/cli-win32-x64",
      "@biomejs/cli-darwin-arm64",
      "@biomejs/cli-linux-x64",
      "@rollup/rollup-darwin-arm64",
      "@rollup/rollup-win32-x64-msvc",
      "@esbuild/win32-x64",
    ]) {
      expect(Object.keys(packages)).toContain(`node_modules/${name}`);
    }
  });

  it("makes install refuse, not warn, on an engine mismatch (.npmrc engine-strict)", () => {
    expect(readFileSync(join(repo, ".npmrc"), "utf8")).toMatch(/^engine-strict=true$/m);
  });
});
