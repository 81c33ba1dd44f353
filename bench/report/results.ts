import { existsSync, readFileSync, writeFileSync } from "node:fs";

export type Results = Record<string, number | string | boolean | null>;

/** results.json as it stands (other benches write into it too), or nothing. */
export function readResults(path: string): Results {
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Results) : {};
}

/**
 * Write this run's `figures` into results.json, keeping only those earlier keys `keep` names (what other
 * benches write there), so a key this bench no longer measures never lingers beside fresh ones.
 */
export function mergeResults(path: string, figures: Results, keep: (key: string) => boolean): Results {
  const kept = Object.fromEntries(Object.entries(readResults(path)).filter(([key]) => keep(key)));
  const merged = { ...figures, ...kept, ...figures };
  writeFileSync(path, `${JSON.stringify(merged, null, 2)}\n`);
  return merged;
}

/** A ratio to three decimals; 0 when the base is 0. */
export const ratio = (a: number, b: number): number => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);
