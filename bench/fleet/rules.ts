import { compareFingerprint, type Fingerprint } from "@ninsho/core";

/** What a machine presents at one check, read once and judged by every rule. */
export interface Observation {
  readonly fingerprint: Fingerprint;
  /** `kind:digest` of the current set, for the rules that count components. */
  readonly keys: ReadonlySet<string>;
  /** One hash of the current set, as an all-must-match rule stores it. */
  readonly digest: string;
  readonly xp: readonly number[];
}

/** One device's standing under a rule that keeps the baseline taken at (re)activation, as Keygen and Windows do. */
export interface DeviceCheck {
  /** Judge a check; on a refusal the user reactivates and the baseline becomes what was presented. */
  check(o: Observation): boolean;
  /** Judge another machine presenting itself as this device, leaving the baseline alone. */
  probe(o: Observation): boolean;
  /** A new baseline after an expected transfer to a replacement machine. */
  reset(o: Observation): void;
}

export interface FixedBaselineRule {
  readonly name: string;
  track(o: Observation): DeviceCheck;
}

function fixedBaseline<B>(
  name: string,
  capture: (o: Observation) => B,
  accepts: (b: B, o: Observation) => boolean,
): FixedBaselineRule {
  return {
    name,
    track(first) {
      let baseline = capture(first);
      return {
        check(o) {
          const ok = accepts(baseline, o);
          if (!ok) baseline = capture(o);
          return ok;
        },
        probe: (o) => accepts(baseline, o),
        reset(o) {
          baseline = capture(o);
        },
      };
    },
  };
}

const countMatched = (stored: ReadonlySet<string>, o: Observation): number => {
  let n = 0;
  for (const key of o.keys) if (stored.has(key)) n++;
  return n;
};

/** Keygen's component matching: how many of the machine's recorded components the request must present. */
function keygen(name: string, needed: (stored: number) => number): FixedBaselineRule {
  return fixedBaseline(
    name,
    (o) => o.keys,
    (stored, o) => countMatched(stored, o) >= needed(stored.size),
  );
}

/** The alternatives, each on the same collector output (XP on its own ten fields). */
export const fixedBaselineRules: readonly FixedBaselineRule[] = [
  fixedBaseline(
    "one hash (all components)",
    (o) => o.digest,
    (digest, o) => digest === o.digest,
  ),
  keygen("keygen MATCH_ANY", () => 1),
  keygen("keygen MATCH_TWO", (n) => Math.min(2, n)),
  keygen("keygen MATCH_MOST", (n) => Math.floor(n / 2) + 1),
  keygen("keygen MATCH_ALL", (n) => n),
  fixedBaseline(
    "windows-xp (>3 of 10 changed)",
    (o) => o.xp,
    (stored, o) => stored.filter((v, i) => o.xp[i] !== v).length <= 3,
  ),
];

/**
 * Ninsho: weighted score against the components of the last recognised check (a rolling baseline). The
 * baseline becomes the presented set after every check, recognised or reactivated, so the score sequence does
 * not depend on the threshold and one run yields the whole curve.
 */
export class NinshoDevice {
  private stored: Fingerprint["components"];

  constructor(
    first: Observation,
    private readonly weights: Readonly<Record<string, number>>,
  ) {
    this.stored = first.fingerprint.components;
  }

  check(o: Observation): number {
    const score = this.probe(o);
    this.stored = o.fingerprint.components;
    return score;
  }

  probe(o: Observation): number {
    return compareFingerprint(this.stored, o.fingerprint, this.weights, 1).score;
  }

  reset(o: Observation): void {
    this.stored = o.fingerprint.components;
  }
}
