import { DEFAULT_MATCH_THRESHOLD, defaultComponentWeights } from "@ninsho/core";
import { makeCatalogue } from "./catalogue.js";
import type { Environment } from "./device.js";
import { planFleet } from "./plan.js";
import { Rng } from "./prng.js";
import { fixedBaselineRules } from "./rules.js";
import { simulateDevice } from "./simulateDevice.js";
import { Tally } from "./tally.js";

export interface FleetOptions {
  readonly devices: number;
  readonly years: number;
  readonly seed: number;
  /** Weights and threshold under test; Ninsho's defaults unless given. */
  readonly weights?: Readonly<Record<string, number>>;
  readonly threshold?: number;
}

/** A quarter: a second machine still running undetected after it got away with sharing one license. */
export const FORK_WINDOW_DAYS = 90;

export interface FleetRun {
  readonly options: Required<FleetOptions>;
  readonly ruleNames: readonly string[];
  readonly tally: Tally;
  readonly seconds: number;
}

/** Fill in the matcher defaults: what a run without overrides measures. */
export const withDefaults = (options: FleetOptions): Required<FleetOptions> => ({
  weights: defaultComponentWeights,
  threshold: DEFAULT_MATCH_THRESHOLD,
  ...options,
});

/** Simulate devices `from` (inclusive) to `to` (exclusive) of the fleet: any range gives the same devices. */
export function simulateRange(options: Required<FleetOptions>, from: number, to: number): Tally {
  const catalogue = makeCatalogue(new Rng(options.seed, 1));
  const plans = planFleet(options.seed, options.devices, catalogue);
  const env: Environment = {
    horizonDays: options.years * 365,
    catalogue,
    rules: fixedBaselineRules,
    weights: options.weights,
    forkWindowDays: FORK_WINDOW_DAYS,
  };
  const tally = new Tally(env.rules.length);
  for (let i = from; i < to; i++) {
    const plan = plans[i];
    if (plan) simulateDevice(options.seed, i, plan, env, tally);
  }
  return tally;
}

/** The whole fleet in this thread. */
export function simulateFleet(options: FleetOptions): FleetRun {
  const started = performance.now();
  const full = withDefaults(options);
  const tally = simulateRange(full, 0, full.devices);
  return { options: full, ruleNames, tally, seconds: (performance.now() - started) / 1000 };
}

export const ruleNames: readonly string[] = fixedBaselineRules.map((r) => r.name);
