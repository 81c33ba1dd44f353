import { adversarialEvents, type EventType, legitEvents, rates } from "./events.js";
import { restore } from "./hazard.js";
import type { HeldOut } from "./heldout.js";
import { paramInfo } from "./params.js";
import type { AttackRow } from "./real/attackRun.js";
import type { RealSampleResult } from "./real/report.js";
import { type CurvePoint, curve, type RuleRow, ruleRows } from "./report.js";
import { type FleetRun, FORK_WINDOW_DAYS } from "./simulate.js";
import type { SweepRow, worstCase } from "./sweep.js";

/** How long the full-scale run took and how much memory the process held at most. */
export interface ScaleFigures {
  readonly devices: number;
  readonly workers: number;
  readonly wall_seconds: number;
  readonly cpu_seconds: number;
  readonly peak_rss_mb: number;
  readonly load_average_before: number;
}

/** The parts of a run beyond the full-scale model: the real server, the sweep, the held-out check. */
export interface Extras {
  readonly real?: Record<string, RealSampleResult>;
  readonly attacks?: readonly AttackRow[];
  readonly sweep?: readonly SweepRow[];
  readonly worst_case?: ReturnType<typeof worstCase>;
  readonly held_out?: HeldOut;
  readonly scale?: ScaleFigures;
  /**
   * Sections a `--skip` run did not compute, kept from the `fleet.json` it found in the out directory (they are
   * from that earlier run, possibly of another size or seed; a full run computes them all again).
   */
  readonly carried_over?: readonly string[];
}

/** What `bench/fleet.json` holds: everything a reader needs to check the figures. */
export interface FleetResult extends Extras {
  readonly devices: number;
  readonly years: number;
  readonly seed: number;
  readonly device_years: number;
  readonly matcher: {
    readonly weights: Readonly<Record<string, number>>;
    readonly default_threshold: number;
  };
  readonly parameters: Readonly<Record<string, string>>;
  /** Realised events per device-year and the rate table they were drawn from. */
  readonly events: Record<string, { readonly per_device_year: number; readonly effect: string }>;
  readonly attempts: Record<string, number>;
  /** Every rule with Ninsho's helpers (rolling baseline, collector migration, lease lineage) and bare. */
  readonly rules: readonly RuleRow[];
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

/** Round every number so the JSON reads cleanly and compares across runs byte for byte. */
function roundDeep<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "number" ? round(v) : v))) as T;
}

export function fleetResult(run: FleetRun, extras: Extras = {}): FleetResult {
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
    parameters: paramInfo,
    events,
    attempts,
    rules: ruleRows(run),
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
    ...extras,
  });
}
