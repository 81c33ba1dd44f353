import { adversarialEvents, type EventType, legitEvents, rates } from "./events.js";
import { restore } from "./hazard.js";
import { type CurvePoint, curve, fixedRuleResults, ninshoResult, type RuleResult } from "./report.js";
import { type FleetRun, FORK_WINDOW_DAYS } from "./simulate.js";

/** What `bench/fleet.json` holds: everything a reader needs to check the figures, and nothing run-dependent. */
export interface FleetResult {
  readonly devices: number;
  readonly years: number;
  readonly seed: number;
  readonly device_years: number;
  readonly matcher: {
    readonly weights: Readonly<Record<string, number>>;
    readonly default_threshold: number;
  };
  /** Realised events per device-year and the rate table they were drawn from. */
  readonly events: Record<string, { readonly per_device_year: number; readonly effect: string }>;
  readonly attempts: Record<string, number>;
  readonly rules: readonly RuleResult[];
  readonly ninsho_curve: readonly CurvePoint[];
  readonly fork_detection: {
    readonly window_days: number;
    readonly detected: number;
    readonly attempts: number;
    readonly median_days: number;
    readonly p95_days: number;
  };
  readonly lineage_hazard: {
    readonly event: "restore";
    readonly restores: number;
    readonly forked: number;
    readonly forced_reactivations_per_device_year: number;
    readonly note: string;
  };
}

const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

const round = (x: number, digits = 6): number => Number(x.toFixed(digits));

/** Round every rate so the JSON reads cleanly and compares across runs byte for byte. */
function roundDeep<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "number" ? round(v) : v))) as T;
}

export const ninshoName = (threshold: number) =>
  `ninsho (weighted, rolling baseline, threshold ${threshold})`;

export function fleetResult(run: FleetRun): FleetResult {
  const t = run.tally;
  const { options } = run;
  const events: FleetResult["events"] = {};
  legitEvents.forEach((e, i) => {
    events[e] = { per_device_year: (t.events[i] ?? 0) / t.deviceYears, effect: rates[e].effect };
  });
  const attempts: Record<string, number> = {};
  adversarialEvents.forEach((e: EventType, i) => {
    attempts[e] = t.attempts[i] ?? 0;
  });
  const days = [...t.forkDays].sort((a, b) => a - b);
  return roundDeep({
    devices: options.devices,
    years: options.years,
    seed: options.seed,
    device_years: t.deviceYears,
    matcher: { weights: options.weights, default_threshold: options.threshold },
    events,
    attempts,
    rules: [ninshoResult(ninshoName(options.threshold), t, options.threshold), ...fixedRuleResults(run)],
    ninsho_curve: curve(run),
    fork_detection: {
      window_days: FORK_WINDOW_DAYS,
      detected: days.length,
      attempts: t.attempts.reduce((a, b) => a + b, 0),
      median_days: quantile(days, 0.5),
      p95_days: quantile(days, 0.95),
    },
    lineage_hazard: {
      event: "restore",
      restores: t.restores,
      forked: t.restoreForks,
      forced_reactivations_per_device_year: t.restoreForks / t.deviceYears,
      note: restore.why,
    },
  });
}
