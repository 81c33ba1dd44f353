import { readFile } from "node:fs/promises";
import type { Extras } from "./results.js";

/** Which `fleet.json` sections each `--skip` name leaves uncomputed. */
const SECTIONS: Readonly<Record<string, readonly (keyof Extras)[]>> = {
  heldout: ["held_out"],
  sweep: ["sweep", "worst_case"],
  real: ["real"],
  attacks: ["attacks"],
};

/**
 * The sections a `--skip` run does not compute, taken from the `fleet.json` already in its out directory, so a
 * partial run into the default directory (bench/) does not wipe the other sections of fleet.json and FLEET.md.
 * They are listed in `carried_over`: they come from that earlier run, not from this one.
 */
export async function carriedOver(path: string, skip: ReadonlySet<string>): Promise<Partial<Extras>> {
  let previous: Record<string, unknown>;
  try {
    previous = JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;
  } catch {
    return {};
  }
  const kept: Record<string, unknown> = {};
  for (const name of skip)
    for (const key of SECTIONS[name] ?? []) if (previous[key] !== undefined) kept[key] = previous[key];
  const names = Object.keys(kept);
  return names.length === 0 ? {} : ({ ...kept, carried_over: names } as Partial<Extras>);
}
