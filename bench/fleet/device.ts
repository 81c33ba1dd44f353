import { fingerprintDigest } from "@ninsho/core";
import { diskCloneTarget, friendMachine, vmCloneTarget } from "./apply.js";
import type { Catalogue } from "./catalogue.js";
import { fingerprintOf, xpFields } from "./collector.js";
import type { AdversarialEvent } from "./events.js";
import { forkDetection } from "./lineage.js";
import type { Machine } from "./machine.js";
import type { DevicePlan } from "./plan.js";
import type { Rng } from "./prng.js";
import type { DeviceCheck, FixedBaselineRule, NinshoDevice, Observation } from "./rules.js";
import { shippedCollector } from "./schedule.js";
import { adversarialIndex, type Tally } from "./tally.js";
import { usage } from "./usage.js";

/** Settings shared by every device of a run. */
export interface Environment {
  readonly horizonDays: number;
  readonly catalogue: Catalogue;
  readonly rules: readonly FixedBaselineRule[];
  readonly weights: Readonly<Record<string, number>>;
  /** How long both machines run side by side before an undetected fork counts as accepted. */
  readonly forkWindowDays: number;
}

export function observe(m: Machine): Observation {
  const fingerprint = fingerprintOf(m);
  return {
    fingerprint,
    keys: new Set(fingerprint.components.map((c) => `${c.kind}:${c.digest}`)),
    digest: fingerprintDigest(fingerprint.components),
    xp: xpFields(m),
  };
}

/** Where a device stands with the server under every rule at once. */
export interface Standing {
  readonly ninsho: NinshoDevice;
  readonly checks: readonly DeviceCheck[];
  readonly pOn: number;
}

/**
 * A second machine presents itself as the device: each rule judges it against the device's baseline, and the
 * server's lease lineage runs for both machines side by side. Nothing about the device changes.
 */
export function attempt(
  event: AdversarialEvent,
  day: number,
  m: Machine,
  plan: DevicePlan,
  standing: Standing,
  rng: Rng,
  env: Environment,
  tally: Tally,
): void {
  let other: Machine;
  let copyPOn: number;
  if (event === "vm-clone") {
    other = vmCloneTarget(m);
    copyPOn = usage(rng, "vm");
  } else if (event === "disk-clone") {
    other = diskCloneTarget(m, rng, env.catalogue);
    // In a shared-desk office the second machine may sit on a dock the first one used.
    if (plan.org?.hotDesk && rng.chance(0.5)) other.dockMac = `dock-${plan.org.id}-${rng.int(40)}`;
    copyPOn = usage(rng, plan.deviceClass);
  } else {
    other = friendMachine(rng, env.catalogue, shippedCollector(day, env.horizonDays));
    copyPOn = usage(rng, "consumer-laptop");
  }
  const o = observe(other);
  const index = adversarialIndex(event);
  const score = Math.round(standing.ninsho.probe(o) * 1000);
  const forkDay = forkDetection(rng, standing.pOn, copyPOn, event === "key-shared", env.forkWindowDays);
  tally.attempts[index] = (tally.attempts[index] ?? 0) + 1;
  bump(tally.attemptScores[index], score);
  if (forkDay === undefined) bump(tally.undetectedScores[index], score);
  else tally.forkDays.push(forkDay);
  standing.checks.forEach((check, r) => {
    const row = tally.accepted[r];
    if (row && check.probe(o)) row[index] = (row[index] ?? 0) + 1;
  });
}

export function bump(hist: Int32Array | undefined, bin: number): void {
  if (hist) hist[bin] = (hist[bin] ?? 0) + 1;
}
