import { DEFAULT_MATCH_THRESHOLD, defaultComponentWeights } from "@ninsho/core";
import { makeCatalogue } from "./catalogue.js";
import type { Environment } from "./device.js";
import { baseParams, type Params } from "./params.js";
import { fleetPlans } from "./plan.js";
import { Rng } from "./prng.js";
import { allRules, ruleLabel } from "./rules.js";
import { newSetup } from "./setup.js";
import { simulateDevice } from "./simulateDevice.js";
import { Tally } from "./tally.js";

export interface FleetOptions {
  readonly devices: number;
  readonly years: number;
  readonly seed: number;
  /** Weights and threshold under test; Ninsho's defaults unless given. */
  readonly weights?: Readonly<Record<string, number>>;
  readonly threshold?: number;
  /** Factors on the guessed parameters (all 1 unless given). */
  readonly params?: Params;
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
  params: baseParams,
  ...options,
});

/** The settings every device of a run shares. */
export function environment(options: Required<FleetOptions>): Environment {
  const catalogue = makeCatalogue(new Rng(options.seed, 1), options.params);
  return {
    horizonDays: options.years * 365,
    catalogue,
    rules: allRules(options.weights, options.threshold),
    weights: options.weights,
    threshold: options.threshold,
    params: options.params,
    forkWindowDays: FORK_WINDOW_DAYS,
    setup: (rng, sku, plan) => newSetup(rng, sku, plan.org, options.params),
  };
}

/**
 * Simulate devices `from` (inclusive) to `to` (exclusive) of the fleet: any range gives the same devices.
 * `progress` is called every 1,000 devices with how many were done since the last call.
 */
export function simulateRange(
  options: Required<FleetOptions>,
  from: number,
  to: number,
  progress?: (done: number) => void,
): Tally {
  return simulateIn(environment(options), options, from, to, progress);
}

/** `simulateRange` in an environment given: the held-out choice swaps its rules for the candidates. */
export function simulateIn(
  env: Environment,
  options: Required<FleetOptions>,
  from: number,
  to: number,
  progress?: (done: number) => void,
): Tally {
  const tally = new Tally(env.rules.length);
  let i = 0;
  // Plans before `from` are drawn and dropped (a third of a microsecond each): the stream is sequential.
  for (const plan of fleetPlans(options.seed, Math.min(to, options.devices), env.catalogue, options.params)) {
    if (i >= from) {
      simulateDevice(options.seed, i, plan, env, tally);
      if (progress && (i - from) % 1000 === 999) progress(1000);
    }
    i++;
  }
  if (progress) progress((to - from) % 1000);
  return tally;
}

/** The whole fleet in this thread. */
export function simulateFleet(options: FleetOptions): FleetRun {
  const started = performance.now();
  const full = withDefaults(options);
  const tally = simulateRange(full, 0, full.devices);
  return { options: full, ruleNames: namesOf(full), tally, seconds: (performance.now() - started) / 1000 };
}

export const namesOf = (options: Required<FleetOptions>): string[] =>
  allRules(options.weights, options.threshold).map(ruleLabel);
