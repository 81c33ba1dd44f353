import type { Component, ComponentSet } from "@ninsho/core";
import { compareFingerprint, UNIT_PAIR } from "@ninsho/core";
import { predecessor } from "./migration.js";

/** One component set as every rule reads it (the current collector's, or its predecessor's during a migration). */
export interface View {
  readonly collector: string;
  readonly components: readonly Component[];
  /** The set as the collector read it, for `compareFingerprint` (never changed). */
  readonly set: ComponentSet;
  /** `kind:digest` of the unit-level components (board, disk, mac, os-install). */
  readonly unit: ReadonlySet<string>;
  /** The machine fingerprint a Keygen integration sends: the OS install id (MachineGuid, /etc/machine-id). */
  readonly machineId: string | undefined;
  /** The whole set as one string, for the one-hash rule. */
  readonly digest: string;
  /** Windows XP's ten hardware-hash fields. */
  readonly xp: readonly number[];
}

/** What a machine presents at one check, read once and judged by every rule. */
export interface Observation {
  readonly current: View;
  /** The predecessor collector's reading during a migration (`Fingerprint.previous`). */
  readonly previous: View | undefined;
  /** A laptop (XP's dockable machines needed fewer votes). */
  readonly dockable: boolean;
}

/** A rule: what it stores at activation and whether a presented set is the same device. */
export interface Matcher<B> {
  readonly name: string;
  capture(v: View): B;
  accepts(stored: B, v: View, dockable: boolean): boolean;
}

/** The helpers Ninsho has, which every rule gets in its "helped" row. */
export interface Helpers {
  /** After every accepted check the stored set becomes the presented one. */
  readonly rolling: boolean;
  /** The predecessor collector's set is tried too, when the server would trust it (`predecessor`). */
  readonly migration: boolean;
}

/** When a machine meets the server: the day, and the day the server last heard from the device. */
export interface Contact {
  readonly day: number;
  /** The device's previous refresh (the server's last-seen time and last lease). */
  readonly lastSeen: number;
}

export interface DeviceCheck {
  /** Judge a check; on a refusal the user re-activates and the stored set becomes what was presented. */
  check(o: Observation, at: Contact): boolean;
  /** Judge another machine presenting itself as this device, leaving the stored set alone. */
  probe(o: Observation, at: Contact): boolean;
  /** A new stored set after an expected transfer to a replacement machine. */
  reset(o: Observation): void;
}

export interface Rule {
  readonly name: string;
  readonly helped: boolean;
  track(first: Observation): DeviceCheck;
}

/** A matcher with helpers, as a rule the simulation walks (also the held-out candidates', `candidates.ts`). */
export function rule<B>(m: Matcher<B>, h: Helpers): Rule {
  // The predecessor's set is tried only when the current one fails, and only as the server would trust it.
  const judge = (b: B, collector: string, o: Observation, at: Contact) => {
    if (m.accepts(b, o.current, o.dockable)) return true;
    const previous = h.migration ? predecessor(collector, o, at) : undefined;
    return previous !== undefined && m.accepts(b, previous, o.dockable);
  };
  return {
    name: m.name,
    helped: h.rolling,
    track(first) {
      let stored = m.capture(first.current);
      // The collector of the stored set: the server's `device.collector`, which a migration is judged against.
      let collector = first.current.collector;
      return {
        check(o, at) {
          const ok = judge(stored, collector, o, at);
          if (!ok || h.rolling) {
            stored = m.capture(o.current);
            collector = o.current.collector;
          }
          return ok;
        },
        probe: (o, at) => judge(stored, collector, o, at),
        reset(o) {
          stored = m.capture(o.current);
          collector = o.current.collector;
        },
      };
    },
  };
}

const countIn = (stored: ReadonlySet<string>, presented: ReadonlySet<string>): number => {
  let n = 0;
  for (const key of presented) if (stored.has(key)) n++;
  return n;
};

/** A comparison's outcome: its rounded score and its verdict at the threshold. */
interface Judged {
  readonly score: number;
  readonly sameDevice: boolean;
  /** Recognised by two unit-level ids whatever the score: at every threshold of the curve. */
  readonly byPair: boolean;
}

/**
 * The last few comparisons (a ring, by identity of the stored set and the view): the score histogram and
 * Ninsho's helped row judge the same stored set against the same view at one check, and `compareFingerprint`
 * is the costliest step of the simulation.
 */
const RECENT = 4;
const recentStored: (readonly Component[] | undefined)[] = Array.from({ length: RECENT }, () => undefined);
const recentViews: (View | undefined)[] = Array.from({ length: RECENT }, () => undefined);
const recentJudged: Judged[] = Array.from({ length: RECENT }, () => ({
  score: 0,
  sameDevice: false,
  byPair: false,
}));
let recentNext = 0;

/** `compareFingerprint` of a stored set and a view, at `threshold` (its rounded score and its verdict). */
export function ninshoJudge(
  stored: readonly Component[],
  v: View,
  weights: Readonly<Record<string, number>>,
  threshold: number,
): Judged {
  for (let i = 0; i < RECENT; i++) {
    const judged = recentJudged[i];
    if (recentStored[i] === stored && recentViews[i] === v && judged) return judged;
  }
  if (weights !== byContent.weights || threshold !== byContent.threshold || byContent.size > 256)
    byContent = { weights, threshold, size: 0, judged: new Map() };
  // Keyed by the two digest strings themselves, not one string joined from them: a joined key is a new string
  // whose hash is computed on every lookup, while each digest's hash is computed once and kept by the string.
  const storedDigest = digests.get(stored);
  let presented = storedDigest === undefined ? undefined : byContent.judged.get(storedDigest);
  let judged = presented?.get(v.digest);
  if (!judged) {
    // The view is read only: passed as it is, not copied (a copy per comparison was a tenth of the GC time).
    const r = compareFingerprint(stored, v.set, weights, threshold);
    judged = { score: r.score, sameDevice: r.sameDevice, byPair: (r.unitIds ?? 0) >= UNIT_PAIR };
    if (storedDigest !== undefined) {
      if (!presented) {
        presented = new Map();
        byContent.judged.set(storedDigest, presented);
      }
      presented.set(v.digest, judged);
      byContent.size++;
    }
  }
  recentStored[recentNext] = stored;
  recentViews[recentNext] = v;
  recentJudged[recentNext] = judged;
  recentNext = (recentNext + 1) % RECENT;
  return judged;
}

/**
 * The one-hash digest (every distinct `kind:digest`, in order) of each view's components, by the components
 * array a rule stores: two sets with the same digest compare alike (`compareFingerprint` reads kinds and
 * digests only, as sets per kind).
 */
export const digests = new WeakMap<readonly Component[], string>();

/**
 * Comparisons by content (stored digest, then presented digest), for the current weights and threshold: most
 * checks follow a change the collectors do not see (a USB dock, a BIOS update, a live migration), so the same
 * stored set meets the same presented one again. Bounded; emptied when the weights or the threshold change
 * (the held-out choice runs several).
 */
let byContent: {
  weights: Readonly<Record<string, number>>;
  threshold: number;
  size: number;
  judged: Map<string, Map<string, Judged>>;
} = { weights: {}, threshold: Number.NaN, size: 0, judged: new Map() };

/** Ninsho's weighted score (`compareFingerprint`) against the stored components. */
export const ninshoMatcher = (
  weights: Readonly<Record<string, number>>,
  threshold: number,
): Matcher<readonly Component[]> => ({
  name: `ninsho (weighted, or two unit ids; threshold ${threshold})`,
  capture: (v) => v.components,
  accepts: (stored, v) => ninshoJudge(stored, v, weights, threshold).sameDevice,
});

/**
 * Keygen's component matching as its documentation describes it: the machine is found by its fingerprint (the
 * OS install id the integration sends), and then `needed` of the unit-level components the client supplies
 * (board, disk, MACs) must be among the machine's recorded ones.
 */
function keygen(name: string, needed: (supplied: number) => number): Matcher<View> {
  return {
    name,
    // The recorded machine is the view itself (read only): its fingerprint and unit ids, with no copy per check.
    capture: (v) => v,
    accepts(stored, v) {
      if ((stored.machineId || undefined) !== v.machineId) return false;
      const { supplied, matched } = unitOverlap(stored.unit, v.unit);
      return matched >= needed(supplied);
    },
  };
}

/** One overlap of stored and presented unit ids, as every Keygen strategy counts it. */
interface Overlap {
  readonly stored: ReadonlySet<string>;
  readonly presented: ReadonlySet<string>;
  readonly supplied: number;
  readonly matched: number;
}

/**
 * The last few overlaps: the four Keygen strategies count the same stored set against the same view at one
 * check (their helped rows share the rolling baseline), so one count serves all four. Same counts as before.
 */
const overlaps: Overlap[] = [];

/** Unit-level components the client supplies beside its machine fingerprint, and how many the machine has. */
function unitOverlap(stored: ReadonlySet<string>, presented: ReadonlySet<string>): Overlap {
  for (const o of overlaps) if (o.stored === stored && o.presented === presented) return o;
  let supplied = 0;
  let matched = 0;
  for (const key of presented) {
    if (key.startsWith("os-install:")) continue;
    supplied++;
    if (stored.has(key)) matched++;
  }
  const overlap = { stored, presented, supplied, matched };
  overlaps.unshift(overlap);
  if (overlaps.length > 4) overlaps.pop();
  return overlap;
}

/**
 * Windows XP (Microsoft's 2001 bulletin): ten hardware classes hashed into a few bits each; the NIC is worth three
 * votes, every other class one (12 in all); the machine is the same when at least 7 votes match, 4 on a dockable
 * (portable) machine.
 */
const windowsXp: Matcher<readonly number[]> = {
  name: "windows-xp (7 of 12 votes, 4 docked)",
  capture: (v) => v.xp,
  accepts(stored, v, dockable) {
    let votes = 0;
    for (let i = 0; i < stored.length; i++) if (v.xp[i] === stored[i]) votes += i === 1 ? 3 : 1;
    return votes >= (dockable ? 4 : 7);
  },
};

const matchers = (weights: Readonly<Record<string, number>>, threshold: number) => [
  ninshoMatcher(weights, threshold),
  {
    name: "one hash (all components)",
    capture: (v: View) => v.digest,
    accepts: (d: string, v: View) => d === v.digest,
  },
  keygen("keygen MATCH_ANY", (n) => Math.min(1, n)),
  keygen("keygen MATCH_TWO", (n) => Math.min(2, n)),
  keygen("keygen MATCH_MOST", (n) => Math.floor(n / 2) + 1),
  keygen("keygen MATCH_ALL", (n) => n),
  windowsXp,
  {
    name: "two unit-level ids match",
    capture: (v: View) => v.unit,
    accepts: (stored: ReadonlySet<string>, v: View) => countIn(stored, v.unit) >= 2,
  },
];

const BARE: Helpers = { rolling: false, migration: false };
export const HELPED: Helpers = { rolling: true, migration: true };

/** Every rule twice: bare (as the product ships it) and with Ninsho's helpers (rolling baseline, migration). */
export function allRules(weights: Readonly<Record<string, number>>, threshold: number): Rule[] {
  const ms = matchers(weights, threshold) as Matcher<unknown>[];
  return [...ms.map((m) => rule(m, HELPED)), ...ms.map((m) => rule(m, BARE))];
}

/** Row names: the helped rows say so (the lease lineage applies to them as well). */
export const ruleLabel = (r: Rule): string =>
  `${r.name}${r.helped ? " + rolling baseline, migration, lineage" : ", bare"}`;
