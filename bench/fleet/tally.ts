import { type AdversarialEvent, adversarialEvents, type LegitEvent, legitEvents } from "./events.js";

/** Scores are rounded to thousandths by the matcher: one bin per possible score. */
export const SCORE_BINS = 1001;

const perLegit = (): number[] => legitEvents.map(() => 0);
const perAdversarial = (): number[] => adversarialEvents.map(() => 0);
const histograms = (n: number): Int32Array[] => Array.from({ length: n }, () => new Int32Array(SCORE_BINS));

export const legitIndex = (e: LegitEvent): number => legitEvents.indexOf(e);
export const adversarialIndex = (e: AdversarialEvent): number => adversarialEvents.indexOf(e);

/** Everything counted in a run, indexed by event position in `legitEvents` / `adversarialEvents`. */
export class Tally {
  deviceYears = 0;
  /** Events that happened. */
  readonly events = perLegit();
  /** Checks after which the heaviest change since the previous check was this event. */
  readonly checks = perLegit();
  /** Per fixed-baseline rule, lock-outs charged to each event. */
  readonly lockouts: number[][];
  /** Ninsho's score at each such check, per event. */
  readonly ninshoScores = histograms(legitEvents.length);
  readonly attempts = perAdversarial();
  /** Per rule, attempts it accepted (for a helped rule: that the lease lineage did not catch either). */
  readonly accepted: number[][];
  /** Per rule, attempts its component match accepted, before any lineage. */
  readonly componentAccepted: number[][];
  /** Ninsho's score for every attempt, and for those whose fork the server had not seen within the window. */
  readonly attemptScores = histograms(adversarialEvents.length);
  readonly undetectedScores = histograms(adversarialEvents.length);
  /** Days from a second machine starting to the server answering "forked". */
  readonly forkDays: number[] = [];
  /** Restores of an earlier machine state, and those the server took for a fork (see `hazard.ts`). */
  restores = 0;
  restoreForks = 0;

  constructor(readonly ruleCount: number) {
    this.lockouts = Array.from({ length: ruleCount }, perLegit);
    this.accepted = Array.from({ length: ruleCount }, perAdversarial);
    this.componentAccepted = Array.from({ length: ruleCount }, perAdversarial);
  }
}

/** Ninsho lock-outs at `threshold` for one event: checks that scored below it. */
export function ninshoBelow(hist: Int32Array, threshold: number): number {
  const cut = Math.round(threshold * 1000);
  let n = 0;
  for (let s = 0; s < cut && s < SCORE_BINS; s++) n += hist[s] ?? 0;
  return n;
}

/** Attempts Ninsho accepted at `threshold`: scored at or above it. */
export const ninshoAtOrAbove = (hist: Int32Array, threshold: number): number =>
  hist.reduce((sum, n) => sum + n, 0) - ninshoBelow(hist, threshold);

/** Add `from` into `into`: devices are simulated in ranges (one per worker) and their tallies summed. */
export function mergeTally(into: Tally, from: Tally): void {
  into.deviceYears += from.deviceYears;
  into.restores += from.restores;
  into.restoreForks += from.restoreForks;
  const add = (a: number[] | Int32Array | undefined, b: ArrayLike<number> | undefined) => {
    if (!a || !b) return;
    for (let i = 0; i < a.length; i++) a[i] = (a[i] ?? 0) + (b[i] ?? 0);
  };
  add(into.events, from.events);
  add(into.checks, from.checks);
  add(into.attempts, from.attempts);
  into.lockouts.forEach((row, r) => {
    add(row, from.lockouts[r]);
  });
  into.accepted.forEach((row, r) => {
    add(row, from.accepted[r]);
  });
  into.componentAccepted.forEach((row, r) => {
    add(row, from.componentAccepted[r]);
  });
  into.ninshoScores.forEach((h, i) => {
    add(h, from.ninshoScores[i]);
  });
  into.attemptScores.forEach((h, i) => {
    add(h, from.attemptScores[i]);
  });
  into.undetectedScores.forEach((h, i) => {
    add(h, from.undetectedScores[i]);
  });
  into.forkDays.push(...from.forkDays);
}
