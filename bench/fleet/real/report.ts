import { OEM_WARRANTY_SHARE, type OemModelCounts, oemModel } from "../oem.js";
import { scaled } from "../params.js";
import { type DevicePlan, planFleet } from "../plan.js";
import { environment, type FleetOptions } from "../simulate.js";
import { simulateDevice } from "../simulateDevice.js";
import { type Interval, stratified } from "../stats.js";
import { Tally } from "../tally.js";
import type { OwnerCounts } from "./ownerCounts.js";
import type { SampleRun, Stratum } from "./sample.js";

/** What the real server did to the sampled legitimate devices, as `bench/fleet.json` reports it. */
export interface RealSampleResult {
  readonly channel: string;
  readonly sample_devices: number;
  readonly population_devices: number;
  readonly strata: readonly {
    readonly name: string;
    readonly population: number;
    readonly sampled: number;
  }[];
  readonly requests: number;
  readonly seconds: number;
  /** Signed refusals of a legitimate refresh per device-year, stratified estimate and its 95% interval. */
  readonly false_lockout_rate: number;
  readonly false_lockout_ci: Interval;
  /** The model's Ninsho (helped) lock-outs on the very same devices: how far the model is from the server. */
  readonly model_false_lockout_rate: number;
  /** Lock-outs per device-year by the heaviest change before them, and by refusal code (unweighted counts). */
  readonly lockouts_by_event: Record<string, number>;
  readonly lockout_codes: Record<string, number>;
  /** How users got going again, per device-year (stratified): the key again, a transfer, a support case. */
  readonly reactivations_per_device_year: number;
  readonly self_service_transfers_per_device_year: number;
  readonly support_cases_per_device_year: number;
  readonly support_cases_ci: Interval;
  /** Replacement machines moved in self-service or (allowance spent, OEM) by support, per device-year. */
  readonly replacements_per_device_year: number;
  readonly replacement_support_per_device_year: number;
  /** Unsigned refusals (an expired lease after a long time off) the SDK resolved by activating again, per device-year. */
  readonly silent_reactivations_per_device_year: number;
  readonly restores: number;
  readonly restore_refusals: number;
  /**
   * OEM only: board changes refused (OEM_BOARD_CHANGED) and how support ended them, per device-year — a warranty
   * repair recorded through the real route, a rebind by the same route for a board that only reads differently,
   * or a new license — with the model's figures on the same devices at ×0.5, ×1 and ×2 the warranty share, and
   * the share of devices that cannot hold an OEM license (no readable board).
   */
  readonly oem?: {
    readonly warranty_share: number;
    readonly board_changes_per_device_year: number;
    readonly warranty_repairs_per_device_year: number;
    readonly rebinds_per_device_year: number;
    readonly new_licenses_per_device_year: number;
    readonly stranded_share: number;
    readonly model: readonly OemModelRow[];
  };
  /** Answers no step expected; empty when the simulation followed every path. */
  readonly unexpected: Record<string, number>;
}

/** The model's OEM figures on the sampled devices at one warranty share (stratified, per device-year). */
export interface OemModelRow {
  readonly warranty_share: number;
  readonly false_lockout_rate: number;
  readonly warranty_repairs_per_device_year: number;
  readonly rebinds_per_device_year: number;
  readonly new_licenses_per_device_year: number;
  readonly stranded_share: number;
}

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

function estimate(run: SampleRun, value: (c: OwnerCounts) => number, perDevice = false) {
  return stratified(
    run.strata.map((s) => ({
      population: s.population,
      years: perDevice ? 1 : (run.devices.find((d) => d.stratum === s.name)?.counts.deviceYears ?? 1),
      values: run.devices.filter((d) => d.stratum === s.name).map((d) => value(d.counts)),
    })),
  );
}

/** The model's walk of each sampled device (the fleet planned once), by device index. */
function walkSample<T>(
  options: Required<FleetOptions>,
  strata: readonly Stratum[],
  walk: (index: number, env: ReturnType<typeof environment>, plan: DevicePlan) => T,
): Map<number, T> {
  const env = environment(options);
  const plans = planFleet(options.seed, options.devices, env.catalogue, options.params);
  const out = new Map<number, T>();
  for (const s of strata)
    for (const i of s.sampled) {
      const plan = plans[i];
      if (plan) out.set(i, walk(i, env, plan));
    }
  return out;
}

/** A value per sampled device, weighed by the strata as the server's figures are. */
const weighted = (strata: readonly Stratum[], years: number, value: (index: number) => number): number =>
  stratified(strata.map((s) => ({ population: s.population, years, values: s.sampled.map(value) }))).rate;

/** The model's lock-outs of Ninsho's helped row for each sampled device. */
function retailModel(options: Required<FleetOptions>, strata: readonly Stratum[]): number {
  const lockouts = walkSample(options, strata, (i, env, plan) => {
    const tally = new Tally(env.rules.length);
    simulateDevice(options.seed, i, plan, env, tally);
    return (tally.lockouts[0] ?? []).reduce((a, b) => a + b, 0);
  });
  return weighted(strata, options.years, (i) => lockouts.get(i) ?? 0);
}

/** The model's OEM rule (`oemModel`, the server's board binding) on the sampled devices at one warranty share. */
function oemModelRow(
  options: Required<FleetOptions>,
  strata: readonly Stratum[],
  share: number,
): OemModelRow {
  const counts = walkSample(options, strata, (i, env, plan) => oemModel(options.seed, i, plan, env, share));
  const of = (pick: (c: OemModelCounts) => number, years = options.years) =>
    weighted(strata, years, (i) => {
      const c = counts.get(i);
      return c ? pick(c) : 0;
    });
  return {
    warranty_share: share,
    false_lockout_rate: of((c) => c.lockouts),
    warranty_repairs_per_device_year: of((c) => c.warrantyRepairs),
    rebinds_per_device_year: of((c) => c.rebinds),
    new_licenses_per_device_year: of((c) => c.newLicenses),
    stranded_share: of((c) => (c.stranded ? 1 : 0), 1),
  };
}

/** A share of devices (not per device-year), stratified. */
const estimateShare = (run: SampleRun, value: (c: OwnerCounts) => number): number =>
  estimate(run, value, true).rate;

export function realSampleResult(
  channel: string,
  options: Required<FleetOptions>,
  run: SampleRun,
): RealSampleResult {
  const lockouts = estimate(run, (c) => sum(c.lockouts));
  const support = estimate(run, (c) => c.support + c.replacementSupport);
  const byEvent: Record<string, number> = {};
  const codes: Record<string, number> = {};
  const unexpected: Record<string, number> = {};
  for (const { counts } of run.devices) {
    for (const [k, v] of Object.entries(counts.lockouts)) byEvent[k] = (byEvent[k] ?? 0) + v;
    for (const [k, v] of Object.entries(counts.lockoutCodes)) codes[k] = (codes[k] ?? 0) + v;
    for (const [k, v] of Object.entries(counts.unexpected)) unexpected[k] = (unexpected[k] ?? 0) + v;
  }
  return {
    channel,
    sample_devices: run.devices.length,
    population_devices: run.strata.reduce((s, x) => s + x.population, 0),
    strata: run.strata.map((s) => ({ name: s.name, population: s.population, sampled: s.sampled.length })),
    requests: run.requests,
    seconds: run.seconds,
    false_lockout_rate: lockouts.rate,
    false_lockout_ci: { low: lockouts.low, high: lockouts.high },
    model_false_lockout_rate:
      channel === "oem"
        ? oemModelRow(options, run.strata, OEM_WARRANTY_SHARE).false_lockout_rate
        : retailModel(options, run.strata),
    lockouts_by_event: byEvent,
    lockout_codes: codes,
    reactivations_per_device_year: estimate(run, (c) => c.reactivated).rate,
    self_service_transfers_per_device_year: estimate(run, (c) => c.transferred).rate,
    support_cases_per_device_year: support.rate,
    support_cases_ci: { low: support.low, high: support.high },
    replacements_per_device_year: estimate(run, (c) => c.replacements).rate,
    replacement_support_per_device_year: estimate(run, (c) => c.replacementSupport).rate,
    silent_reactivations_per_device_year: estimate(run, (c) => sum(c.silent)).rate,
    restores: run.devices.reduce((s, d) => s + d.counts.restores, 0),
    restore_refusals: run.devices.reduce((s, d) => s + d.counts.restoreRefusals, 0),
    ...(channel === "oem"
      ? {
          oem: {
            warranty_share: OEM_WARRANTY_SHARE,
            board_changes_per_device_year: estimate(run, (c) => c.boardChanged).rate,
            warranty_repairs_per_device_year: estimate(run, (c) => c.warrantyRepairs).rate,
            rebinds_per_device_year: estimate(run, (c) => c.rebinds).rate,
            new_licenses_per_device_year: estimate(run, (c) => c.newLicenses).rate,
            stranded_share: estimateShare(run, (c) => (c.stranded ? 1 : 0)),
            // ×0.5 and ×2, a share being at most 1 (as every swept probability).
            model: [0.5, 1, 2].map((f) => oemModelRow(options, run.strata, scaled(OEM_WARRANTY_SHARE, f))),
          },
        }
      : {}),
    unexpected,
  };
}
