import { DEFAULT_MATCH_THRESHOLD, defaultComponentWeights } from "@ninsho/core";
import { simulateFleetParallel } from "./parallel.js";
import { type Rates, ratesOf } from "./sweep.js";
import { ninshoAtOrAbove, ninshoBelow } from "./tally.js";

/** Weight sets a vendor could ship: the current defaults, the ones before them, and all unit ids alike. */
export const candidateWeights: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  shipped: defaultComponentWeights,
  previous: { board: 30, disk: 20, mac: 15, "os-install": 15, cpu: 5, gpu: 4, ram: 3 },
  "unit ids alike": { board: 25, disk: 25, mac: 25, "os-install": 25, cpu: 0, gpu: 0, ram: 0 },
};

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
  readonly candidates: readonly { weights: string; threshold: number; lockout: number; components: number }[];
  readonly chosen: { readonly weights: string; readonly threshold: number };
  readonly reported_on: {
    readonly seeds: readonly number[];
    readonly devices: number;
    readonly params: "base";
  };
  /** The chosen setting, and the shipped defaults, on each held-out seed. */
  readonly chosen_on_held_out: readonly (Rates & { seed: number })[];
  readonly shipped_on_held_out: readonly (Rates & { seed: number })[];
}

/** Choose weights and threshold on the tuning seeds; report the choice and the shipped defaults on the others. */
export async function heldOut(
  tuningSeeds: readonly number[],
  reportSeeds: readonly number[],
  devices: number,
  years: number,
  progress?: (label: string) => void,
): Promise<HeldOut> {
  const candidates: HeldOut["candidates"][number][] = [];
  for (const [name, weights] of Object.entries(candidateWeights)) {
    let lockouts = new Array(THRESHOLDS.length).fill(0) as number[];
    let components = new Array(THRESHOLDS.length).fill(0) as number[];
    let deviceYears = 0;
    let attempts = 0;
    for (const seed of tuningSeeds) {
      const run = await simulateFleetParallel({ devices, years, seed, weights });
      const t = run.tally;
      deviceYears += t.deviceYears;
      attempts += t.attempts.reduce((a, b) => a + b, 0);
      lockouts = THRESHOLDS.map(
        (th, i) => (lockouts[i] ?? 0) + t.ninshoScores.reduce((s, h) => s + ninshoBelow(h, th), 0),
      );
      components = THRESHOLDS.map(
        (th, i) => (components[i] ?? 0) + t.attemptScores.reduce((s, h) => s + ninshoAtOrAbove(h, th), 0),
      );
      progress?.(`tuning ${name} seed ${seed}`);
    }
    THRESHOLDS.forEach((threshold, i) => {
      candidates.push({
        weights: name,
        threshold,
        lockout: (lockouts[i] ?? 0) / deviceYears,
        components: (components[i] ?? 0) / Math.max(1, attempts),
      });
    });
  }
  const best = [...candidates].sort(
    (a, b) => cost(a.lockout, a.components) - cost(b.lockout, b.components),
  )[0];
  const chosen = {
    weights: best?.weights ?? "shipped",
    threshold: best?.threshold ?? DEFAULT_MATCH_THRESHOLD,
  };
  const chosenOn: (Rates & { seed: number })[] = [];
  const shippedOn: (Rates & { seed: number })[] = [];
  for (const seed of reportSeeds) {
    const weights = candidateWeights[chosen.weights] ?? defaultComponentWeights;
    const run = await simulateFleetParallel({ devices, years, seed, weights, threshold: chosen.threshold });
    chosenOn.push({ seed, ...ratesOf(run, 0) });
    const shipped = await simulateFleetParallel({ devices, years, seed });
    shippedOn.push({ seed, ...ratesOf(shipped, 0) });
    progress?.(`held-out seed ${seed}`);
  }
  return {
    rule: "lowest false lock-out rate + acceptance by components alone, thresholds 0.30–0.70 by 0.05",
    tuning: { seeds: tuningSeeds, devices, params: "base" },
    candidates,
    chosen,
    reported_on: { seeds: reportSeeds, devices, params: "base" },
    chosen_on_held_out: chosenOn,
    shipped_on_held_out: shippedOn,
  };
}
