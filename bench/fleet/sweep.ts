import { simulateFleetParallel } from "./parallel.js";
import { baseParams, type ParamName, type Params, paramNames, withParam } from "./params.js";
import type { FleetOptions, FleetRun } from "./simulate.js";
import { type Interval, poissonRate, wilson } from "./stats.js";

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** One rule's two rates in a run, with their 95% intervals. */
export interface Rates {
  readonly false_lockout_rate: number;
  readonly false_lockout_ci: Interval;
  readonly false_acceptance_rate: number;
  readonly false_acceptance_ci: Interval;
  /** Acceptance by the component match alone, before the lease lineage. */
  readonly component_acceptance_rate: number;
  readonly component_acceptance_ci: Interval;
}

export function ratesOf(run: FleetRun, rule: number): Rates {
  const t = run.tally;
  const lockouts = sum(t.lockouts[rule] ?? []);
  const attempts = sum(t.attempts);
  const accepted = sum(t.accepted[rule] ?? []);
  const components = sum(t.componentAccepted[rule] ?? []);
  return {
    false_lockout_rate: lockouts / t.deviceYears,
    false_lockout_ci: poissonRate(lockouts, t.deviceYears),
    false_acceptance_rate: attempts === 0 ? 0 : accepted / attempts,
    false_acceptance_ci: wilson(accepted, attempts),
    component_acceptance_rate: attempts === 0 ? 0 : components / attempts,
    component_acceptance_ci: wilson(components, attempts),
  };
}

export interface SweepRow extends Rates {
  readonly parameter: ParamName | "base";
  readonly factor: number;
  /** Helped alternatives at least as good as Ninsho on both lock-outs and component acceptance, one better. */
  readonly better_alternatives: readonly string[];
}

/** Helped alternatives that beat Ninsho's helped row (index 0) on both rates in `run`. */
function betterThanNinsho(run: FleetRun): string[] {
  const ninsho = ratesOf(run, 0);
  const better: string[] = [];
  run.ruleNames.forEach((name, r) => {
    if (r === 0 || !name.includes("+ rolling")) return;
    const x = ratesOf(run, r);
    const notWorse =
      x.false_lockout_rate <= ninsho.false_lockout_rate &&
      x.component_acceptance_rate <= ninsho.component_acceptance_rate;
    const better1 =
      x.false_lockout_rate < ninsho.false_lockout_rate ||
      x.component_acceptance_rate < ninsho.component_acceptance_rate;
    if (notWorse && better1) better.push(name);
  });
  return better;
}

/**
 * Every guessed parameter at ×0.5 and ×2 (one at a time, the others at their stated values), on `options`'
 * (held-out) seed; `base` is the stated model itself. `progress` hears of each finished setting.
 */
export async function sweep(
  options: FleetOptions,
  factors: readonly number[] = [0.5, 2],
  progress?: (label: string) => void,
): Promise<SweepRow[]> {
  const settings: { parameter: ParamName | "base"; factor: number; params: Params }[] = [
    { parameter: "base", factor: 1, params: baseParams },
    ...paramNames.flatMap((name) =>
      factors.map((factor) => ({ parameter: name, factor, params: withParam(name, factor) })),
    ),
  ];
  const rows: SweepRow[] = [];
  for (const s of settings) {
    const run = await simulateFleetParallel({ ...options, params: s.params });
    rows.push({
      parameter: s.parameter,
      factor: s.factor,
      ...ratesOf(run, 0),
      better_alternatives: betterThanNinsho(run),
    });
    progress?.(`${s.parameter} ×${s.factor}`);
  }
  return rows;
}

/** The worst of the sweep for each rate, and where it happened. */
export function worstCase(rows: readonly SweepRow[]) {
  const byLockout = [...rows].sort((a, b) => b.false_lockout_rate - a.false_lockout_rate)[0];
  const byAcceptance = [...rows].sort((a, b) => b.false_acceptance_rate - a.false_acceptance_rate)[0];
  const byComponents = [...rows].sort((a, b) => b.component_acceptance_rate - a.component_acceptance_rate)[0];
  const at = (r: SweepRow | undefined) => (r ? `${r.parameter} ×${r.factor}` : "none");
  return {
    false_lockout_rate: byLockout?.false_lockout_rate ?? 0,
    false_lockout_ci: byLockout?.false_lockout_ci ?? { low: 0, high: 0 },
    false_lockout_at: at(byLockout),
    false_acceptance_rate: byAcceptance?.false_acceptance_rate ?? 0,
    false_acceptance_ci: byAcceptance?.false_acceptance_ci ?? { low: 0, high: 0 },
    false_acceptance_at: at(byAcceptance),
    component_acceptance_rate: byComponents?.component_acceptance_rate ?? 0,
    component_acceptance_at: at(byComponents),
    settings_with_a_better_alternative: rows.filter((r) => r.better_alternatives.length > 0).map(at),
  };
}
