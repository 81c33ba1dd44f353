import { availableParallelism } from "node:os";
import {
  type Component,
  compareComponents,
  DEFAULT_MATCH_THRESHOLD,
  defaultComponentWeights,
  UNIT_KINDS,
} from "@ninsho/core";
import { deviceRanges, tsWorker } from "./parallel.js";
import { HELPED, type Rule, rule, type View } from "./rules.js";
import { environment, type FleetRun, simulateIn, withDefaults } from "./simulate.js";
import { mergeTally, Tally } from "./tally.js";

/**
 * What may make a check pass besides the weighted score: nothing, two unit-level kinds matching (board, disk,
 * NIC, install id), or two unit-level identifiers shared within matching kinds (the explanation's `unitIds`:
 * the two disks of a desktop count two).
 */
export type PairRule = "none" | "two unit kinds" | "two unit ids";

/** A matching design `compareFingerprint` can implement: a weight set, and what else recognises a machine. */
export interface Design {
  readonly weights: string;
  readonly pairs: PairRule;
}

/** Weight sets a vendor could ship. */
export const candidateWeights: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  shipped: defaultComponentWeights,
  previous: { board: 30, disk: 20, mac: 15, "os-install": 15, cpu: 5, gpu: 4, ram: 3 },
  "unit ids alike": { board: 25, disk: 25, mac: 25, "os-install": 25, cpu: 0, gpu: 0, ram: 0 },
  // The install id with a NIC worth about one anchor: what a VM keeps across a move (its install id and a
  // vNIC), and what survives a soldered-storage board repair in an office image (FLEET.md, held out).
  "install id and NIC as an anchor": {
    board: 30,
    disk: 30,
    "os-install": 20,
    mac: 15,
    cpu: 2,
    gpu: 2,
    ram: 1,
  },
};

/**
 * The designs the held-out choice picks among (each at every threshold). The two pair rules come from where
 * "two unit-level ids" beat the weighted score on the tuning seed: a VM moved with its install id and one vNIC
 * kept, a desktop whose two disks (or two NICs) survived a repair.
 */
export const designs: readonly Design[] = [
  ...Object.keys(candidateWeights).map((weights) => ({ weights, pairs: "none" as const })),
  { weights: "shipped", pairs: "two unit kinds" },
  { weights: "shipped", pairs: "two unit ids" },
];

/** What `compareFingerprint` does by default: the default weights, or two unit ids, at the default threshold. */
export const SHIPPED: Candidate = {
  weights: "shipped",
  pairs: "two unit ids",
  threshold: DEFAULT_MATCH_THRESHOLD,
};

export const designName = (d: Design): string =>
  d.pairs === "none" ? d.weights : `${d.weights}, or ${d.pairs} matching`;

/** One design at one threshold. */
export interface Candidate extends Design {
  readonly threshold: number;
}

interface Judged {
  readonly stored: readonly Component[];
  readonly view: View;
  readonly design: Design;
  readonly matched: number;
  readonly total: number;
  readonly unitKinds: number;
  readonly unitIds: number;
}

/** The last few comparisons: every threshold of one design judges the same stored set and view in a row. */
const recent: Judged[] = [];

function judge(stored: readonly Component[], view: View, design: Design): Judged {
  for (const j of recent) if (j.stored === stored && j.view === view && j.design === design) return j;
  const weights = candidateWeights[design.weights] ?? defaultComponentWeights;
  const r = compareComponents(stored, view.set, weights, 1);
  let matched = 0;
  let total = 0;
  let unitKinds = 0;
  for (const c of r.components) {
    if (c.outcome === "added") continue;
    total += c.weight;
    if (c.outcome !== "matched") continue;
    matched += c.weight;
    if (UNIT_KINDS.has(c.kind)) unitKinds++;
  }
  const unitIds = r.unitIds ?? 0;
  const judged = { stored, view, design, matched, total, unitKinds, unitIds };
  recent.unshift(judged);
  if (recent.length > 8) recent.pop();
  return judged;
}

/** Whether `c` takes `view` for the stored device: the exact weighted ratio (as `compareComponents`) or a pair. */
export function candidateAccepts(
  c: Candidate,
  design: Design,
  stored: readonly Component[],
  view: View,
): boolean {
  const j = judge(stored, view, design);
  if (j.total > 0 && j.matched / j.total >= c.threshold) return true;
  if (c.pairs === "two unit kinds") return j.unitKinds >= 2;
  if (c.pairs === "two unit ids") return j.unitIds >= 2;
  return false;
}

/** A candidate as a rule with Ninsho's helpers (rolling baseline, collector migration; the lineage in the tally). */
export function candidateRule(c: Candidate): Rule {
  // One design object per weights and pairs, so the comparison cache serves every threshold of a design.
  const design = designs.find((d) => d.weights === c.weights && d.pairs === c.pairs) ?? c;
  return rule(
    {
      name: `${designName(c)} at ${c.threshold}`,
      capture: (v: View) => v.components,
      accepts: (stored: readonly Component[], v: View) => candidateAccepts(c, design, stored, v),
    },
    HELPED,
  );
}

/** Devices `from` to `to` of a fleet, judged by the candidates only (same lives and attempts as the model). */
export function candidateRange(
  seed: number,
  devices: number,
  years: number,
  candidates: readonly Candidate[],
  from: number,
  to: number,
): Tally {
  const options = withDefaults({ devices, years, seed });
  return simulateIn({ ...environment(options), rules: candidates.map(candidateRule) }, options, from, to);
}

/** A fleet judged by the candidates, one worker thread per core; rule `i` of the run is `candidates[i]`. */
export async function runCandidates(
  seed: number,
  devices: number,
  years: number,
  candidates: readonly Candidate[],
  workers = availableParallelism(),
): Promise<FleetRun> {
  const started = performance.now();
  const tallies = await Promise.all(
    deviceRanges(devices, workers).map(
      ([from, to]) =>
        new Promise<Tally>((resolve, reject) => {
          const workerData = { seed, devices, years, candidates, from, to };
          const worker = tsWorker(new URL("./candidateWorker.ts", import.meta.url), workerData);
          worker.once("message", (tally: Tally) => resolve(tally));
          worker.once("error", reject);
        }),
    ),
  );
  const tally = new Tally(candidates.length);
  for (const part of tallies) mergeTally(tally, part);
  return {
    options: withDefaults({ devices, years, seed }),
    ruleNames: candidates.map((c) => `${designName(c)} at ${c.threshold}`),
    tally,
    seconds: (performance.now() - started) / 1000,
  };
}
