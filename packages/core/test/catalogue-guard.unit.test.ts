import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { errorCodes } from "@ninsho/core";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/**
 * Where a string literal is a code given to a person: `code: "X"`, `code === "X"` / `!==`, `fail("X"`,
 * `describe("X"`, `new UsageProblem("X"`, and a failure built with its exit code first: `CliError.of(exit, "X"`,
 * `DeviceFailure.of(exit, "X"`.
 */
const CODE_POSITIONS: readonly RegExp[] = [
  /\bcode\s*(?::|[!=]==)\s*["']([A-Z][A-Z0-9_]*)["']/g,
  /\b(?:fail|describe|describeProblem|UsageProblem)\(\s*["']([A-Z][A-Z0-9_]*)["']/g,
  /\.of\(\s*[\w.]+\s*,\s*["']([A-Z][A-Z0-9_]*)["']/g,
];

/** Codes of the system, not of Ninsho: Node's errno (`ENOENT`) and `ERR_…` codes, SQLite's (`SQLITE_BUSY`). */
const SYSTEM_CODE = /^(?:E[A-Z]{3,}|ERR_[A-Z0-9_]+|SQLITE_[A-Z_]+)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Every `src` folder of the packages and the examples. */
function srcFolders(): string[] {
  return ["packages", "examples"].flatMap((top) =>
    readdirSync(join(root, top), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(root, top, entry.name, "src"))
      .filter((src) => {
        try {
          return readdirSync(src).length > 0;
        } catch {
          return false;
        }
      }),
  );
}

/** The code literals in code positions, as `file:line CODE`. */
function codeLiterals(file: string): { where: string; code: string }[] {
  const text = readFileSync(file, "utf8");
  const found: { where: string; code: string }[] = [];
  for (const pattern of CODE_POSITIONS) {
    for (const match of text.matchAll(pattern)) {
      const code = match[1] ?? "";
      const line = text.slice(0, match.index).split("\n").length;
      found.push({ where: `${relative(root, file)}:${line}`, code });
    }
  }
  return found;
}

describe("catalogue guard: every code in the sources is the catalogue's", () => {
  const files = srcFolders().flatMap(sourceFiles);
  const literals = files.flatMap(codeLiterals);

  it("reads the sources of every package", () => {
    const packages = new Set(files.map((file) => relative(root, file).split("/").slice(0, 2).join("/")));
    for (const name of ["packages/core", "packages/server", "packages/sdk", "packages/cli"])
      expect(packages).toContain(name);
    // The patterns find the codes in use, so a broken pattern cannot pass by finding nothing.
    const seen = new Set(literals.map((l) => l.code));
    for (const code of ["KEY_NOT_FOUND", "STATE_TAMPERED", "NO_PRODUCT", "CLOCK_SKEW", "NO_TOKEN"])
      expect(seen).toContain(code);
  });

  it("finds no code outside the catalogue (but Node's own)", () => {
    const known: ReadonlySet<string> = new Set(errorCodes);
    const stray = literals.filter(({ code }) => !known.has(code) && !SYSTEM_CODE.test(code));
    expect(stray.map(({ where, code }) => `${where} ${code}`)).toEqual([]);
  });

  it("the patterns catch the positions they name, and skip Node's codes", () => {
    const sample = [
      'return fail("NOPE_ONE");',
      'const p = { code: "NOPE_TWO", params };',
      'if (problem.code === "NOPE_THREE") return;',
      'throw DeviceFailure.of(DeviceExitCode.usage, "NOPE_FOUR", locale);',
      'throw CliError.of(ExitCode.usage, "NOPE_FIVE", text);',
      'throw new UsageProblem("NOPE_SIX", { path });',
      'if (error.code === "ENOENT") return;',
      'const label = "NOT_A_CODE_POSITION";',
    ].join("\n");
    const codes = CODE_POSITIONS.flatMap((p) => [...sample.matchAll(p)].map((m) => m[1]));
    expect(codes.filter((c) => c !== undefined && !SYSTEM_CODE.test(c)).sort()).toEqual([
      "NOPE_FIVE",
      "NOPE_FOUR",
      "NOPE_ONE",
      "NOPE_SIX",
      "NOPE_THREE",
      "NOPE_TWO",
    ]);
  });
});
