import { beforeAll, describe, expect, it } from "vitest";
import { budgetMs } from "../../testing/budget.js";
import { adversarialEvents, legitEvents } from "./events.js";
import { forkDetection } from "./lineage.js";
import { Rng } from "./prng.js";
import type { AdversarialResult, LegitResult } from "./report.js";
import { fleetResult } from "./results.js";
import { simulateFleet, simulateRange, withDefaults } from "./simulate.js";
import { mergeTally, Tally } from "./tally.js";

const small = { devices: 2000, years: 3, seed: 42 } as const;
/**
 * Time limits from the size of the work, never a fixed number of seconds: a device-year takes well under a
 * millisecond on an idle machine; each is allowed 20 ms (testing/budget.ts).
 */
const perSimulation = small.devices * small.years;
const budget = (simulations: number) => budgetMs(simulations * perSimulation, 20);

let first: ReturnType<typeof fleetResult>;
beforeAll(() => {
  first = fleetResult(simulateFleet(small));
}, budget(1));

describe("fleet simulator", () => {
  it(
    "is deterministic for a seed, and a different seed gives a different fleet",
    () => {
      expect(fleetResult(simulateFleet(small))).toEqual(first);
      const other = fleetResult(simulateFleet({ ...small, seed: 43 }));
      expect(other.rules[0]?.false_lockout_rate).not.toBe(first.rules[0]?.false_lockout_rate);
      expect(other.attempts).not.toEqual(first.attempts);
    },
    budget(2),
  );

  it(
    "gives the same tally however the fleet is split across workers",
    () => {
      const options = withDefaults(small);
      const whole = simulateRange(options, 0, small.devices);
      const merged = new Tally(whole.ruleCount);
      mergeTally(merged, simulateRange(options, 0, 700));
      mergeTally(merged, simulateRange(options, 700, small.devices));
      expect(merged).toEqual(whole);
    },
    budget(2),
  );

  it("reports every rule per event type, and the per-event rates add up to the totals", () => {
    expect(first.rules.map((r) => r.name)).toHaveLength(7);
    for (const r of first.rules) {
      expect(Object.keys(r.by_event).sort()).toEqual([...legitEvents, ...adversarialEvents].sort());
      const legit = legitEvents.map((e) => r.by_event[e] as LegitResult);
      const sum = legit.reduce((s, x) => s + x.false_lockout_rate, 0);
      expect(sum).toBeCloseTo(r.false_lockout_rate, 5);
      const attacks = adversarialEvents.map((e) => r.by_event[e] as AdversarialResult);
      const accepted = attacks.reduce((s, x) => s + x.accepted, 0);
      const attempts = attacks.reduce((s, x) => s + x.attempts, 0);
      expect(attempts).toBeGreaterThan(0);
      expect(r.false_acceptance_rate).toBeCloseTo(accepted / attempts, 5);
      for (const a of attacks) expect(a.false_acceptance_rate).toBeCloseTo(a.accepted / a.attempts, 5);
    }
  });

  it("tells the rules apart where they differ by design", () => {
    const rule = (prefix: string) => {
      const r = first.rules.find((x) => x.name.startsWith(prefix));
      if (!r) throw new Error(`no rule ${prefix}`);
      return r;
    };
    const legit = (prefix: string, e: string) => rule(prefix).by_event[e] as LegitResult;
    const attack = (prefix: string, e: string) => rule(prefix).by_event[e] as AdversarialResult;
    // One hash breaks on any change; Ninsho's previous set carries it through a collector update.
    expect(legit("one hash", "os-reinstall").lockout_share_of_events).toBe(1);
    expect(legit("ninsho", "collector-update").lockouts).toBe(0);
    expect(legit("one hash", "collector-update").lockout_share_of_events).toBeGreaterThan(0.9);
    // A perfect copy passes every component rule; only the lease lineage catches it.
    expect(attack("ninsho", "vm-clone").component_only_acceptance_rate).toBeGreaterThan(0.9);
    expect(attack("ninsho", "vm-clone").false_acceptance_rate).toBeLessThan(0.05);
    expect(attack("keygen MATCH_ANY", "key-shared").false_acceptance_rate).toBeGreaterThan(0.1);
    expect(attack("ninsho", "key-shared").component_only_acceptance_rate).toBe(0);
  });

  it("sweeps Ninsho's threshold: lock-outs never fall and acceptance never rises as it grows", () => {
    const curve = first.ninsho_curve;
    expect(curve.length).toBeGreaterThan(20);
    for (let i = 1; i < curve.length; i++) {
      const [a, b] = [curve[i - 1], curve[i]];
      if (!a || !b) throw new Error("gap in the curve");
      expect(b.false_lockout_rate).toBeGreaterThanOrEqual(a.false_lockout_rate);
      expect(b.component_only_false_acceptance_rate).toBeLessThanOrEqual(
        a.component_only_false_acceptance_rate,
      );
    }
  });
});

describe("lease lineage in the simulator", () => {
  it("sees two machines refreshing one lease line as a fork within a few refreshes", () => {
    const rng = new Rng(1);
    for (let i = 0; i < 200; i++) {
      const day = forkDetection(rng, 1, 1, i % 2 === 0, 365);
      expect(day).toBeDefined();
      expect(day).toBeLessThan(30);
    }
  });
});

describe("seeded generator", () => {
  it("repeats a stream for a seed and separates streams", () => {
    const draw = (seed: number, stream: number) => {
      const rng = new Rng(seed, stream);
      return Array.from({ length: 5 }, () => rng.u32());
    };
    expect(draw(7, 3)).toEqual(draw(7, 3));
    expect(draw(7, 3)).not.toEqual(draw(7, 4));
    expect(draw(7, 3)).not.toEqual(draw(8, 3));
    const rng = new Rng(9);
    for (let i = 0; i < 1000; i++) expect(rng.next()).toBeLessThan(1);
  });
});
