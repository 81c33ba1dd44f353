import { existsSync, readFileSync, writeFileSync } from "node:fs";

export type Results = Record<string, number | string | boolean | null>;

/** results.json as it stands (other benches write into it too), or nothing. */
export function readResults(path: string): Results {
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Results) : {};
}

/** Merge `figures` into results.json, keeping the keys other benches wrote, dropping `retired` ones. */
export function mergeResults(path: string, figures: Results, retired: readonly string[] = []): Results {
  const merged = { ...readResults(path), ...figures };
  for (const key of retired) delete merged[key];
  writeFileSync(path, `${JSON.stringify(merged, null, 2)}\n`);
  return merged;
}

/** A ratio to three decimals; 0 when the base is 0. */
export const ratio = (a: number, b: number): number => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);
