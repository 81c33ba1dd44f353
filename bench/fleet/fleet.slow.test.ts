import { beforeAll, describe, expect, it } from "vitest";
import { budgetMs } from "../../testing/budget.js";
import { fingerprintOf } from "./collector.js";
import { adversarialEvents, legitEvents } from "./events.js";
import { forkDetection } from "./lineage.js";
import { boardOf } from "./oem.js";
import { simulateFleetParallel } from "./parallel.js";
import { withParam } from "./params.js";
import { planFleet } from "./plan.js";
import { Rng } from "./prng.js";
import { runAttacks } from "./real/attackRun.js";
import { capabilities } from "./real/capabilities.js";
import { realSampleResult } from "./real/report.js";
import { runSample, stratify } from "./real/sample.js";
import { OEM, RETAIL, RealServer } from "./real/server.js";
import type { AdversarialResult, LegitResult } from "./report.js";
import { fleetResult } from "./results.js";
import { environment, simulateFleet, simulateRange, withDefaults } from "./simulate.js";
import { simulateDevice } from "./simulateDevice.js";
import { poissonRate, wilson } from "./stats.js";
import { mergeTally, Tally } from "./tally.js";
import { deviceLife } from "./timeline.js";

const small = { devices: 800, years: 3, seed: 42 } as const;
/**
 * Time limits from the size of the work, never a fixed number of seconds: a device-year takes about a
 * millisecond on an idle machine; each is allowed 20 ms (testing/budget.ts). A request to the real server
 * takes a few milliseconds; each is allowed 50.
 */
const perSimulation = small.devices * small.years;
const budget = (simulations: number) => budgetMs(simulations * perSimulation, 20);

let first: ReturnType<typeof fleetResult>;
beforeAll(() => {
  first = fleetResult(simulateFleet(small));
}, budget(1));

const ruleOf = (prefix: string, helped: boolean) => {
  const r = first.rules.find((x) => x.name.startsWith(prefix) && x.helped === helped);
  if (!r) throw new Error(`no rule ${prefix}`);
  return r;
};
const legit = (prefix: string, e: string, helped = true) => ruleOf(prefix, helped).by_event[e] as LegitResult;
const attack = (prefix: string, e: string, helped = true) =>
  ruleOf(prefix, helped).by_event[e] as AdversarialResult;

describe("fleet simulator (model)", () => {
  it(
    "is deterministic for a seed, and a different seed gives a different fleet",
    () => {
      expect(fleetResult(simulateFleet(small))).toEqual(first);
      const other = fleetResult(simulateFleet({ ...small, seed: 43 }));
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
      mergeTally(merged, simulateRange(options, 0, 300));
      mergeTally(merged, simulateRange(options, 300, small.devices));
      expect(merged).toEqual(whole);
    },
    budget(2),
  );

  it(
    "gives the same tally in worker threads as in one thread, and reports every device done",
    async () => {
      let done = 0;
      // Three workers: uneven ranges, the last one short, each walking the plans before its own.
      const parallel = await simulateFleetParallel(small, 3, (n) => {
        done += n;
      });
      expect(parallel.tally).toEqual(simulateFleet(small).tally);
      expect(done).toBe(small.devices);
    },
    budget(2),
  );

  it("reports every rule helped and bare, per event type, and the per-event rates add up to the totals", () => {
    expect(first.rules).toHaveLength(16);
    expect(first.rules.filter((r) => r.helped)).toHaveLength(8);
    expect(first.rules[0]?.name).toContain("ninsho");
    for (const r of first.rules) {
      expect(Object.keys(r.by_event).sort()).toEqual([...legitEvents, ...adversarialEvents].sort());
      const sum = legitEvents.reduce((s, e) => s + (r.by_event[e] as LegitResult).false_lockout_rate, 0);
      expect(sum).toBeCloseTo(r.false_lockout_rate, 5);
      expect(r.false_lockout_ci.low).toBeLessThanOrEqual(r.false_lockout_rate);
      expect(r.false_lockout_ci.high).toBeGreaterThanOrEqual(r.false_lockout_rate);
      expect(r.component_acceptance_rate).toBeGreaterThanOrEqual(r.false_acceptance_rate);
    }
  });

  it("tells the rules and the helpers apart where they differ by design", () => {
    // A reinstall changes the install id, except on a Mac (the board's) and in an office that reimages with
    // one image: a rule that needs every component breaks on nearly all of them.
    expect(legit("one hash", "os-reinstall").lockout_share_of_events).toBeGreaterThan(0.7);
    // The predecessor's set carries a collector release for a device the server saw within its migration
    // window; for one unseen longer (a machine rarely on), and without the help, the release is a change like
    // any other.
    expect(legit("ninsho", "collector-update").lockout_share_of_events).toBeLessThan(0.01);
    expect(legit("ninsho", "collector-update", false).lockout_share_of_events).toBeGreaterThan(0.3);
    // A perfect copy passes every component rule; only the lease lineage catches it.
    expect(attack("ninsho", "vm-clone").component_only_acceptance_rate).toBeGreaterThan(0.9);
    expect(attack("ninsho", "vm-clone").false_acceptance_rate).toBeLessThan(0.05);
    expect(attack("ninsho", "vm-clone", false).false_acceptance_rate).toBeGreaterThan(0.9);
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

  it("draws the shipped rule's curve: at the default threshold it is Ninsho's helped row, pair rule included", () => {
    const row = first.rules.find((r) => r.name.includes("ninsho") && r.helped);
    const point = first.ninsho_curve.find((p) => p.threshold === first.matcher.default_threshold);
    if (!row || !point) throw new Error("no Ninsho row or no curve point at the default threshold");
    expect(point.false_lockout_rate).toBeCloseTo(row.false_lockout_rate, 10);
  });

  it(
    "moves with a swept parameter: twice the reinstall rate gives about twice the reinstalls",
    () => {
      const doubled = fleetResult(simulateFleet({ ...small, params: withParam("rate:os-reinstall", 2) }));
      const ratio =
        (doubled.events["os-reinstall"]?.per_device_year ?? 0) /
        (first.events["os-reinstall"]?.per_device_year ?? 1);
      expect(ratio).toBeGreaterThan(1.6);
      expect(ratio).toBeLessThan(2.4);
    },
    budget(1),
  );
});

describe("the real server in the loop", () => {
  it(
    "walks sampled devices through createApp: every answer is one a step expects, lock-outs are resolved",
    async () => {
      const options = withDefaults({ devices: 300, years: 1, seed: 5 });
      const strata = stratify(options, 300, 1);
      const run = await runSample(options, strata);
      expect(run.devices.length).toBe(strata.reduce((s, x) => s + x.sampled.length, 0));
      expect(run.requests).toBeGreaterThan(run.devices.length * 10);
      for (const { counts } of run.devices) {
        expect(counts.unexpected).toEqual({});
        const lockouts = Object.values(counts.lockouts).reduce((a, b) => a + b, 0);
        const silent = Object.values(counts.silent).reduce((a, b) => a + b, 0);
        expect(counts.reactivated + counts.transferred + counts.support).toBe(lockouts + silent);
      }
    },
    budgetMs(20_000, 50),
  );

  it(
    "mails each license's transfer code to its own owner, however many owners ask within one hour",
    async () => {
      // Every license sold to one address made one person the owner of the fleet: the server mails an address
      // at most 5 times an hour, and a sixth owner read the fifth's code (TRANSFER_CODE_INVALID).
      const server = await RealServer.start();
      const product = await server.product("Mailboxes");
      const policyId = await server.policy(product.id, RETAIL, "retail");
      const keys = await server.licenses(policyId, 7);
      const codes: (string | undefined)[] = [];
      for (const key of keys) codes.push(await server.mailedTransferCode(key));
      await server.close();
      for (const code of codes) expect(code).toMatch(/^\d{8}$/);
      expect(new Set(codes).size).toBe(keys.length);
    },
    budgetMs(100, 50),
  );

  it(
    "applies the server's collector-migration window in the model: a device unseen longer meets the release as the server does",
    async () => {
      // Two unit-level ids carry most releases since the pair rule, so such a device is rare: the first at seed 7
      // is number 16,795.
      const options = withDefaults({ devices: 20000, years: 3, seed: 7 });
      const env = environment(options);
      const plans = planFleet(options.seed, options.devices, env.catalogue, options.params);
      const release = legitEvents.indexOf("collector-update");
      // The first device whose helped Ninsho row is locked out by a collector release: one the server had not
      // seen for longer than COLLECTOR_MIGRATION_WINDOW_DAYS when the release reached it.
      const index = plans.findIndex((plan, i) => {
        const tally = new Tally(env.rules.length);
        simulateDevice(options.seed, i, plan, env, tally);
        return (tally.lockouts[0]?.[release] ?? 0) > 0;
      });
      expect(index).toBeGreaterThanOrEqual(0);
      const strata = [{ name: "migration", population: 1, sampled: [index] }];
      const result = realSampleResult("retail", options, await runSample(options, strata));
      expect(result.lockouts_by_event["collector-update"]).toBe(1);
      expect(result.model_false_lockout_rate).toBeCloseTo(result.false_lockout_rate, 6);
    },
    budgetMs(20000 * 3, 20) + budgetMs(1000, 50),
  );

  it(
    "plays the server's OEM board rule: OEM_BOARD_CHANGED from the server, support's warranty repair through the real route, agreeing with the model",
    async () => {
      const options = withDefaults({ devices: 2000, years: 3, seed: 5 });
      const strata = stratify(options, 2000, 2);
      const run = await runSample(options, strata, OEM);
      const result = realSampleResult("oem", options, run);
      expect(result.unexpected).toEqual({});
      expect(result.lockout_codes.OEM_BOARD_CHANGED).toBeGreaterThan(0);
      expect(Object.keys(result.lockout_codes).some((c) => c.includes("(model)"))).toBe(false);
      const counts = run.devices.map((d) => d.counts);
      // Every refused board ended in a support case: a repair or rebind by the real route, or a new license.
      for (const c of counts) expect(c.warrantyRepairs + c.rebinds + c.newLicenses).toBe(c.boardChanged);
      expect(counts.reduce((n, c) => n + c.warrantyRepairs, 0)).toBeGreaterThan(0);
      // The model's OEM rule on the same devices gives the server's lock-outs.
      expect(result.model_false_lockout_rate).toBeCloseTo(result.false_lockout_rate, 6);
      const model = result.oem?.model ?? [];
      expect(model.map((m) => m.warranty_share)).toEqual([0.35, 0.7, 1]);
      expect(model[0]?.new_licenses_per_device_year).toBeGreaterThanOrEqual(
        model[2]?.new_licenses_per_device_year ?? 1,
      );
    },
    budgetMs(30_000, 50),
  );

  it(
    "counts a board that stops reading on an OEM machine as the server does: a BOUND_COMPONENT_MISSING lock-out",
    async () => {
      // Two unit-level ids carry most releases since the pair rule, so such a device is rare: the first at seed 7
      // is number 16,795.
      const options = withDefaults({ devices: 20000, years: 3, seed: 7 });
      const env = environment(options);
      const plans = planFleet(options.seed, options.devices, env.catalogue, options.params);
      // The first device whose board reads at activation and later does not on the same machine (a BIOS flash
      // rewriting a retail board's serial to a placeholder).
      const index = plans.findIndex((plan, i) => {
        const life = deviceLife(options.seed, i, plan, env);
        let read = boardOf(fingerprintOf(life.first)).length > 0;
        for (const step of life.steps) {
          if (step.kind !== "refresh") continue;
          const reads = boardOf(fingerprintOf(step.machine)).length > 0;
          if (read && !reads && step.event !== "machine-replaced") return true;
          read = reads;
          if (!read) return false;
        }
        return false;
      });
      expect(index).toBeGreaterThanOrEqual(0);
      const strata = [{ name: "unreadable board", population: 1, sampled: [index] }];
      const result = realSampleResult("oem", options, await runSample(options, strata, OEM));
      expect(result.lockout_codes.BOUND_COMPONENT_MISSING).toBe(1);
      expect(result.model_false_lockout_rate).toBeCloseTo(result.false_lockout_rate, 6);
    },
    budgetMs(20000 * 3, 20) + budgetMs(1000, 50),
  );

  it(
    "closes the attacks short of a rewritten client that the enforcement issue closed",
    async () => {
      const rows = await runAttacks(3, 2, 60);
      expect(rows.map((r) => r.capability)).toEqual(capabilities.map((c) => c.name));
      const row = (name: string) => {
        const r = rows.find((x) => x.capability.startsWith(name));
        if (!r) throw new Error(`no capability ${name}`);
        return r;
      };
      expect(row("disk-image").share_running).toBe(0);
      expect(row("validation by key").share_running).toBe(0);
      expect(row("digest union").share_running).toBe(0);
      expect(row("previous injection").share_running).toBe(0);
      // The copy's user holds the key, never the owner's mailed code: the server refuses the transfer.
      const byKey = row("deleted lease, re-activation and transfer by key");
      expect(byKey.codes.TRANSFER_PROOF_REQUIRED ?? 0).toBeGreaterThan(0);
      expect(byKey.codes.TRANSFER_LIMIT_REACHED ?? 0).toBe(0);
      // A perfect clone runs on its copied lease, and is stopped as a fork within one lease and its grace.
      expect(row("vm-clone, unmodified").machine_days_p95).toBeLessThanOrEqual(21);
    },
    budgetMs(10_000, 50),
  );
});

describe("intervals and generators", () => {
  it("gives 95% intervals that hold the estimate and shrink with more data", () => {
    const a = wilson(5, 100);
    expect(a.low).toBeLessThan(0.05);
    expect(a.high).toBeGreaterThan(0.05);
    expect(wilson(50, 1000).high - wilson(50, 1000).low).toBeLessThan(a.high - a.low);
    expect(poissonRate(0, 1000).high).toBeCloseTo(3.689 / 1000, 4);
    const p = poissonRate(10, 100);
    expect(p.low).toBeLessThan(0.1);
    expect(p.high).toBeGreaterThan(0.1);
  });

  it("sees two machines refreshing one lease line as a fork within a few refreshes", () => {
    const rng = new Rng(1);
    for (let i = 0; i < 200; i++) {
      const day = forkDetection(rng, 1, 1, i % 2 === 0, 365);
      expect(day).toBeDefined();
      expect(day).toBeLessThan(30);
    }
  });

  it("repeats a stream for a seed and separates streams", () => {
    const draw = (seed: number, stream: number) => {
      const rng = new Rng(seed, stream);
      return Array.from({ length: 5 }, () => rng.u32());
    };
    expect(draw(7, 3)).toEqual(draw(7, 3));
    expect(draw(7, 3)).not.toEqual(draw(7, 4));
    expect(draw(7, 3)).not.toEqual(draw(8, 3));
  });
});
