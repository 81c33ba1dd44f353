import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { findCycles, sourceFiles } from "../../../testing/importCycles.js";

const packages = resolve(import.meta.dirname, "../..");

/** Every package's sources, so a cycle in any of them fails here (no allow-list). */
const allSources = () =>
  readdirSync(packages).flatMap((name) => {
    const src = join(packages, name, "src");
    try {
      return sourceFiles(src);
    } catch {
      return [];
    }
  });

describe("import cycles", () => {
  it("no module of any package imports itself back, through any chain (type-only imports count)", () => {
    const files = allSources();
    expect(files.length).toBeGreaterThan(100);
    expect(findCycles(files, packages)).toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    const fixture = resolve(import.meta.dirname, "fixtures/cycle");
    expect(findCycles(sourceFiles(fixture), fixture)).toEqual([["a.ts", "b.ts", "a.ts"]]);
  });
});
