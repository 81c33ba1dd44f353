/**
 * The import graph of the workspace's sources, and its cycles. A module that imports, through any chain, a
 * module that imports it back cannot be understood (or loaded) on its own; type-only imports count too, since
 * a cycle of types is the same tangle of meaning. Relative imports are followed; package imports end a path
 * (each package's own cycles are found inside it).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

/** Every `.ts` file under `dir` (tests and declarations left out). */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

/** The files `file` imports or re-exports by a relative specifier, resolved (`./x.js` is `./x.ts`). */
export function relativeImports(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  const found: string[] = [];
  for (const { fileName } of info.importedFiles) {
    if (!fileName.startsWith(".")) continue;
    const base = resolve(dirname(file), fileName.replace(/\.js$/, ""));
    for (const candidate of [`${base}.ts`, join(base, "index.ts")]) {
      if (existsSync(candidate)) {
        found.push(candidate);
        break;
      }
    }
  }
  return found;
}

/**
 * Each cycle once, as the files along it (relative to `root`), first file repeated at the end.
 * @example
 * findCycles(["packages/core/src/a.ts", …], process.cwd()); // [["core/src/a.ts", "core/src/b.ts", "core/src/a.ts"]]
 */
export function findCycles(files: readonly string[], root: string): string[][] {
  const graph = new Map(files.map((f) => [f, relativeImports(f)]));
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") {
        cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(root, f)));
      } else if (!state.has(next) && graph.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles;
}
