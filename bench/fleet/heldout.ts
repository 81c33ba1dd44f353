import {
  type Candidate,
  type Design,
  designName,
  designs,
  type PairRule,
  runCandidates,
  SHIPPED,
} from "./candidates.js";
import { type Rates, ratesOf } from "./sweep.js";

const THRESHOLDS = Array.from({ length: 9 }, (_, i) => Math.round((0.3 + i * 0.05) * 100) / 100);

/**
 * The choice rule, fixed before looking at the held-out runs: the lowest sum of the false lock-out rate (per
 * device-year) and the acceptance by components alone (per attempt). Components alone, because with the lease
 * lineage every candidate accepts next to nothing in the model and the choice would be blind to the matcher.
 */
const cost = (lockout: number, components: number) => lockout + components;

export interface HeldOut {
  readonly rule: string;
  readonly tuning: { readonly seeds: readonly number[]; readonly devices: number; readonly params: "base" };
  readonly candidates: readonly {
    weights: string;
    pairs?: PairRule;
    threshold: number;
    lockout: number;
    components: number;
  }[];
  readonly chosen: { readonly weights: string; readonly pairs?: PairRule; readonly threshold: number };
  readonly reported_on: {
    readonly seeds: readonly number[];
    readonly devices: number;
    readonly params: "base";
  };
  /** The chosen setting, and the shipped defaults, on each held-out seed. */
  readonly chosen_on_held_out: readonly (Rates & { seed: number })[];
  readonly shipped_on_held_out: readonly (Rates & { seed: number })[];
  /** The design shipped before this choice (the weighted score alone at 0.45), on each held-out seed. */
  readonly before_on_held_out?: readonly (Rates & { seed: number })[];
}

/** The design shipped before the pair rule and the threshold were chosen here: the weighted score alone at 0.45. */
const BEFORE: Candidate = { weights: "shipped", pairs: "none", threshold: 0.45 };

/**
 * Choose a matching design (weights, and whether two unit-level ids also recognise a machine) and a threshold on
 * the tuning seeds; report the choice and the shipped defaults on the others. Every candidate walks the same
 * device lives and attempts, with Ninsho's helpers, in one pass per seed.
 */
export async function heldOut(
  tuningSeeds: readonly number[],
  reportSeeds: readonly number[],
  devices: number,
  years: number,
  progress?: (label: string) => void,
): Promise<HeldOut> {
  const grid: Candidate[] = designs.flatMap((d: Design) =>
    THRESHOLDS.map((threshold) => ({ ...d, threshold })),
  );
  const lockouts = grid.map(() => 0);
  const components = grid.map(() => 0);
  let deviceYears = 0;
  let attempts = 0;
  for (const seed of tuningSeeds) {
    const t = (await runCandidates(seed, devices, years, grid)).tally;
    deviceYears += t.deviceYears;
    attempts += t.attempts.reduce((a, b) => a + b, 0);
    grid.forEach((_, i) => {
      lockouts[i] = (lockouts[i] ?? 0) + (t.lockouts[i] ?? []).reduce((a, b) => a + b, 0);
      components[i] = (components[i] ?? 0) + (t.componentAccepted[i] ?? []).reduce((a, b) => a + b, 0);
    });
    progress?.(`tuning seed ${seed}`);
  }
  const candidates = grid.map((c, i) => ({
    weights: c.weights,
    pairs: c.pairs,
    threshold: c.threshold,
    lockout: (lockouts[i] ?? 0) / deviceYears,
    components: (components[i] ?? 0) / Math.max(1, attempts),
  }));
  // A stable sort: on a tie the earlier candidate (fewer additions to the shipped design, lower threshold) wins.
  const best = [...candidates].sort(
    (a, b) => cost(a.lockout, a.components) - cost(b.lockout, b.components),
  )[0];
  const chosen: Candidate = best ?? SHIPPED;
  const chosenOn: (Rates & { seed: number })[] = [];
  const shippedOn: (Rates & { seed: number })[] = [];
  const beforeOn: (Rates & { seed: number })[] = [];
  for (const seed of reportSeeds) {
    const run = await runCandidates(seed, devices, years, [chosen, SHIPPED, BEFORE]);
    chosenOn.push({ seed, ...ratesOf(run, 0) });
    shippedOn.push({ seed, ...ratesOf(run, 1) });
    beforeOn.push({ seed, ...ratesOf(run, 2) });
    progress?.(`held-out seed ${seed}`);
  }
  return {
    rule: `lowest false lock-out rate + acceptance by components alone among ${designs.map(designName).join("; ")}, thresholds 0.30–0.70 by 0.05`,
    tuning: { seeds: tuningSeeds, devices, params: "base" },
    candidates,
    chosen: { weights: chosen.weights, pairs: chosen.pairs, threshold: chosen.threshold },
    reported_on: { seeds: reportSeeds, devices, params: "base" },
    chosen_on_held_out: chosenOn,
    shipped_on_held_out: shippedOn,
    before_on_held_out: beforeOn,
  };
}
