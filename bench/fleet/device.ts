import { type ComponentSet, UNIT_KINDS } from "@ninsho/core";
import { diskCloneTarget, friendMachine, vmCloneTarget } from "./apply.js";
import type { Catalogue, Sku } from "./catalogue.js";
import { readComponents, xpFields } from "./collector.js";
import type { AdversarialEvent } from "./events.js";
import { forkDetection } from "./lineage.js";
import { copyMachine, type Machine, type Setup, sameMachine } from "./machine.js";
import { predecessor } from "./migration.js";
import type { Params } from "./params.js";
import type { DevicePlan } from "./plan.js";
import type { Rng } from "./prng.js";
import {
  type Contact,
  type DeviceCheck,
  digests,
  ninshoJudge,
  type Observation,
  type Rule,
  type View,
} from "./rules.js";
import { shippedCollector } from "./schedule.js";
import { adversarialIndex, type Tally } from "./tally.js";
import { usage } from "./usage.js";

/** Settings shared by every device of a run. */
export interface Environment {
  readonly horizonDays: number;
  readonly catalogue: Catalogue;
  readonly rules: readonly Rule[];
  readonly weights: Readonly<Record<string, number>>;
  readonly threshold: number;
  readonly params: Params;
  /** How long both machines run side by side before an undetected fork counts as accepted. */
  readonly forkWindowDays: number;
  /** The OS and storage of a new machine. */
  readonly setup: (rng: Rng, sku: Sku, plan: DevicePlan) => Setup;
}

/** How every rule reads one component set (unit ids, the one-hash digest, the install id, XP fields). */
export function view(set: ComponentSet, xp: readonly number[]): View {
  // The one-hash digest: every distinct key once, in order (as the set holds them). A set holds a handful, so a
  // list finds repeats faster than a Set, and one join gives a flat string (hashed and compared once per view).
  const keys: string[] = [];
  const unit = new Set<string>();
  let machineId: string | undefined;
  for (const c of set.components) {
    const key = `${c.kind}:${c.digest}`;
    if (!keys.includes(key)) keys.push(key);
    if (UNIT_KINDS.has(c.kind)) unit.add(key);
    if (c.kind === "os-install") machineId = key;
  }
  const digest = keys.join("|");
  digests.set(set.components, digest);
  return {
    collector: set.collector,
    components: set.components,
    set,
    unit,
    machineId,
    digest,
    xp,
  };
}

/**
 * The last observations and the machines they read (copies): a device's checks mostly follow a change the
 * collectors do not see (a BIOS update) or a dock or USB adapter coming and going, so its machine reads as it
 * did at a recent check, and that reading (read only) serves again — the same views by identity, which the
 * rules' caches recognise. Reading is a pure function of the machine's fields, so the verdicts are the same.
 */
const OBSERVED = 8;
const observedMachines: (Machine | undefined)[] = Array.from({ length: OBSERVED }, () => undefined);
const observations: (Observation | undefined)[] = Array.from({ length: OBSERVED }, () => undefined);
let observedNext = 0;

/** What the machine presents at a check: its collector's set and, after a release, its predecessor's. */
export function observe(m: Machine): Observation {
  for (let i = 0; i < OBSERVED; i++) {
    const seen = observedMachines[i];
    const o = observations[i];
    if (seen && o && sameMachine(seen, m)) return o;
  }
  const o = readObservation(m);
  observedMachines[observedNext] = copyMachine(m);
  observations[observedNext] = o;
  observedNext = (observedNext + 1) % OBSERVED;
  return o;
}

function readObservation(m: Machine): Observation {
  const current = view(readComponents(m, m.collector), xpFields(m));
  const previous =
    m.collector > 1 ? view(readComponents(m, m.collector - 1), xpFields(m, m.collector - 1)) : undefined;
  const cls = m.sku.deviceClass;
  return { current, previous, dockable: cls === "corporate-laptop" || cls === "consumer-laptop" };
}

/**
 * Ninsho's helped score: the best of the current set and the predecessor's (when the server would trust it,
 * `predecessor`), against the stored set.
 */
export function helpedScore(standing: Standing, o: Observation, at: Contact, env: Environment): number {
  const now = curveScore(ninshoJudge(standing.ninsho, o.current, env.weights, env.threshold));
  const previous = predecessor(standing.collector, o, at);
  return previous
    ? Math.max(now, curveScore(ninshoJudge(standing.ninsho, previous, env.weights, env.threshold)))
    : now;
}

/**
 * Where a comparison falls on the threshold curve: its score, or the top (1) when two unit-level ids recognise
 * the machine, since the pair rule holds at every threshold — so the curve is the shipped rule's, not the
 * weighted score's alone.
 */
const curveScore = (judged: { readonly score: number; readonly byPair: boolean }): number =>
  judged.byPair ? 1 : judged.score;

/** Where a device stands with the server under every rule at once. */
export interface Standing {
  /** Ninsho's rolling stored set, for its score histograms (the whole threshold curve from one run). */
  ninsho: View["components"];
  /** The collector of that stored set (a migration is judged against it). */
  collector: string;
  /** The day the server last heard from the device: its latest refresh. */
  lastSeen: number;
  readonly checks: readonly DeviceCheck[];
  readonly pOn: number;
}

/**
 * A second machine presents itself as the device: each rule judges it against the device's stored set; for the
 * helped rows the server's lease lineage runs both machines side by side and catches the copy if it can.
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
    other = diskCloneTarget(m, rng, env.catalogue, env.params);
    // In a shared-desk office the second machine may sit on a dock the first one used.
    if (plan.org?.hotDesk && rng.chance(0.5) && m.dockMac !== undefined)
      other.dockMac = `dock-${plan.org.id}-${rng.int(40)}`;
    copyPOn = usage(rng, plan.deviceClass);
  } else {
    const collector = shippedCollector(day, env.horizonDays);
    other = friendMachine(rng, env.catalogue, collector, m, (sku) => env.setup(rng, sku, plan));
    copyPOn = usage(rng, "consumer-laptop");
  }
  const o = observe(other);
  const at: Contact = { day, lastSeen: standing.lastSeen };
  const index = adversarialIndex(event);
  const score = Math.round(helpedScore(standing, o, at, env) * 1000);
  const forkDay = forkDetection(rng, standing.pOn, copyPOn, event === "key-shared", env.forkWindowDays);
  tally.attempts[index] = (tally.attempts[index] ?? 0) + 1;
  bump(tally.attemptScores[index], score);
  if (forkDay === undefined) bump(tally.undetectedScores[index], score);
  else tally.forkDays.push(forkDay);
  env.rules.forEach((r, i) => {
    const matched = standing.checks[i]?.probe(o, at) === true;
    const components = tally.componentAccepted[i];
    if (components && matched) components[index] = (components[index] ?? 0) + 1;
    const row = tally.accepted[i];
    if (row && matched && (!r.helped || forkDay === undefined)) row[index] = (row[index] ?? 0) + 1;
  });
}

export function bump(hist: Int32Array | undefined, bin: number): void {
  if (hist) hist[bin] = (hist[bin] ?? 0) + 1;
}
