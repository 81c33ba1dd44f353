import { adversarialEvents, legitEvents } from "./events.js";
import type { FleetRun } from "./simulate.js";
import { type Rates, ratesOf } from "./sweep.js";
import { ninshoAtOrAbove, ninshoBelow, type Tally } from "./tally.js";

export interface LegitResult {
  /** Lock-outs charged to this event per device-year of the whole fleet (these add up to the overall rate). */
  readonly false_lockout_rate: number;
  /** Share of refreshes after this event (heaviest since the previous refresh) that locked the device out. */
  readonly lockout_share_of_events: number;
  readonly lockouts: number;
}

export interface AdversarialResult {
  readonly false_acceptance_rate: number;
  readonly accepted: number;
  readonly attempts: number;
  /** Ninsho only: acceptance by the component score alone, before the lease lineage. */
  readonly component_only_acceptance_rate?: number;
}

export interface RuleResult {
  readonly name: string;
  readonly false_lockout_rate: number;
  readonly false_acceptance_rate: number;
  readonly by_event: Record<string, LegitResult | AdversarialResult>;
}

/** A rule's row in `fleet.json`: both rates with their 95% intervals, and acceptance by components alone. */
export type RuleRow = RuleResult & Rates & { readonly helped: boolean };

export interface CurvePoint {
  readonly threshold: number;
  readonly false_lockout_rate: number;
  readonly false_acceptance_rate: number;
  readonly component_only_false_acceptance_rate: number;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const ratio = (n: number, d: number): number => (d === 0 ? 0 : n / d);

/** One rule's rates from its lock-outs per legit event and acceptances per adversarial event. */
function ruleResult(
  name: string,
  t: Tally,
  lockouts: readonly number[],
  accepted: readonly number[],
  componentOnly?: readonly number[],
): RuleResult {
  const by_event: Record<string, LegitResult | AdversarialResult> = {};
  legitEvents.forEach((e, i) => {
    const n = lockouts[i] ?? 0;
    by_event[e] = {
      false_lockout_rate: ratio(n, t.deviceYears),
      lockout_share_of_events: ratio(n, t.checks[i] ?? 0),
      lockouts: n,
    };
  });
  adversarialEvents.forEach((e, i) => {
    const attempts = t.attempts[i] ?? 0;
    const n = accepted[i] ?? 0;
    const only = componentOnly?.[i];
    by_event[e] = {
      false_acceptance_rate: ratio(n, attempts),
      accepted: n,
      attempts,
      ...(only === undefined ? {} : { component_only_acceptance_rate: ratio(only, attempts) }),
    };
  });
  return {
    name,
    false_lockout_rate: ratio(sum(lockouts), t.deviceYears),
    false_acceptance_rate: ratio(sum(accepted), sum(t.attempts)),
    by_event,
  };
}

/** Ninsho at one threshold: lock-outs below it; acceptances at or above it that the lineage did not catch. */
export function ninshoResult(name: string, t: Tally, threshold: number): RuleResult {
  return ruleResult(
    name,
    t,
    t.ninshoScores.map((h) => ninshoBelow(h, threshold)),
    t.undetectedScores.map((h) => ninshoAtOrAbove(h, threshold)),
    t.attemptScores.map((h) => ninshoAtOrAbove(h, threshold)),
  );
}

export const ruleRows = (run: FleetRun): RuleRow[] =>
  run.ruleNames.map((name, r) => ({
    ...ruleResult(
      name,
      run.tally,
      run.tally.lockouts[r] ?? [],
      run.tally.accepted[r] ?? [],
      run.tally.componentAccepted[r] ?? [],
    ),
    ...ratesOf(run, r),
    helped: name.includes("+ rolling"),
  }));

/** Thresholds of the curve: every 0.025, and the default. */
export function curve(run: FleetRun): CurvePoint[] {
  const t = run.tally;
  const thresholds = new Set<number>([run.options.threshold]);
  for (let k = 0; k <= 40; k++) thresholds.add(Math.round(k * 25) / 1000);
  return [...thresholds]
    .sort((a, b) => a - b)
    .map((threshold) => {
      const r = ninshoResult("", t, threshold);
      const componentOnly = sum(t.attemptScores.map((h) => ninshoAtOrAbove(h, threshold)));
      return {
        threshold,
        false_lockout_rate: r.false_lockout_rate,
        false_acceptance_rate: r.false_acceptance_rate,
        component_only_false_acceptance_rate: ratio(componentOnly, sum(t.attempts)),
      };
    });
}
