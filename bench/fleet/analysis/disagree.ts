import {
  type Component,
  compareComponents,
  defaultComponentWeights,
  kindMatches,
  UNIT_KINDS,
} from "@ninsho/core";
import { attempt, type Environment, observe, type Standing } from "../device.js";
import { planFleet } from "../plan.js";
import { Rng } from "../prng.js";
import type { DeviceCheck, Observation, Rule, View } from "../rules.js";
import { environment, withDefaults } from "../simulate.js";
import { Tally } from "../tally.js";
import { deviceLife } from "../timeline.js";

/**
 * Where the weighted score alone and "two unit-level ids" (bench/fleet/rules.ts) disagree, per event and
 * platform, on the tuning seed: which unit kinds matched (stored/presented/shared digests, ✓ = the kind
 * matches). Both sides try the predecessor's set whenever one is sent (no migration window: an analysis of the
 * rules, not the model's tally). `npx tsx bench/fleet/analysis/disagree.ts [devices] [seed] [threshold]`.
 */
const devices = Number(process.argv[2] ?? 20000);
const seed = Number(process.argv[3] ?? 20240601);
const threshold = Number(process.argv[4] ?? 0.45);

const byKind = (cs: readonly Component[]) => {
  const m = new Map<string, Set<string>>();
  for (const c of cs) m.set(c.kind, (m.get(c.kind) ?? new Set()).add(c.digest));
  return m;
};

/** Which unit kinds matched (by kindMatches), shared digests per kind, and the two verdicts. */
function signature(stored: readonly Component[], v: View) {
  const s = byKind(stored);
  const p = byKind(v.components);
  const parts: string[] = [];
  let twoDigests = 0;
  let kinds = 0;
  let kindDigests = 0;
  for (const k of UNIT_KINDS) {
    const a = s.get(k);
    const b = p.get(k);
    if (!a && !b) continue;
    const shared = a && b ? [...b].filter((d) => a.has(d)).length : 0;
    twoDigests += shared;
    const km = a && b ? kindMatches(k, a, b) : false;
    if (km) {
      kinds++;
      kindDigests += shared;
    }
    parts.push(`${k}:${a?.size ?? 0}/${b?.size ?? 0}/${shared}${km ? "✓" : ""}`);
  }
  // The weighted score alone (the explanation's sameDevice now includes the pair rule).
  const r = compareComponents(stored, v.set, defaultComponentWeights, threshold);
  let matched = 0;
  let total = 0;
  for (const x of r.components) {
    if (x.outcome === "added") continue;
    total += x.weight;
    if (x.outcome === "matched") matched += x.weight;
  }
  const w = total > 0 && matched / total >= threshold;
  return { sig: parts.join(" "), twoDigests, kinds, kindDigests, score: r.score, w };
}

type Row = Map<string, number>;
const table = new Map<string, Row>();
const note = (event: string, key: string) => {
  const row = table.get(event) ?? new Map<string, number>();
  row.set(key, (row.get(key) ?? 0) + 1);
  table.set(event, row);
};

function judge(label: string, stored: readonly Component[], o: Observation) {
  const views = [o.current, ...(o.previous ? [o.previous] : [])];
  const sigs = views.map((v) => signature(stored, v));
  const w = sigs.some((x) => x.w);
  const two = sigs.some((x) => x.twoDigests >= 2);
  const twoKinds = sigs.some((x) => x.kinds >= 2);
  const twoKd = sigs.some((x) => x.kindDigests >= 2);
  const s0 = sigs[0];
  if (!s0) return;
  note(
    label,
    `all w=${w ? 1 : 0} two=${two ? 1 : 0} twoKinds=${twoKinds ? 1 : 0} twoKindDigests=${twoKd ? 1 : 0}`,
  );
  if (w !== two) note(label, `${w ? "W only" : "TWO only"} score=${s0.score.toFixed(2)} ${s0.sig}`);
}

const options = withDefaults({ devices, years: 3, seed, threshold });
const env0 = environment(options);
let attemptLabel = "";
let standingStored: readonly Component[] = [];
const recorder: Rule = {
  name: "recorder",
  helped: true,
  track(): DeviceCheck {
    return {
      check: () => true,
      probe(o) {
        judge(`attack ${attemptLabel}`, standingStored, o);
        return false;
      },
      reset: () => {},
    };
  },
};
const env: Environment = { ...env0, rules: [recorder] };
const plans = planFleet(seed, devices, env.catalogue, options.params);
const tally = new Tally(1);
for (let i = 0; i < devices; i++) {
  const plan = plans[i];
  if (!plan) continue;
  const life = deviceLife(seed, i, plan, env);
  const first = observe(life.first);
  const standing: Standing = {
    ninsho: first.current.components,
    collector: first.current.collector,
    lastSeen: 0,
    checks: env.rules.map((r) => r.track(first)),
    pOn: life.pOn,
  };
  const attackRng = new Rng(seed ^ 0x2545f491, 1000 + i);
  for (const step of life.steps) {
    if (step.kind === "restore") continue;
    if (step.kind === "attempt") {
      attemptLabel = step.event;
      standingStored = standing.ninsho;
      attempt(step.event, step.day, step.machine, plan, standing, attackRng, env, tally);
      continue;
    }
    standing.lastSeen = step.day;
    if (step.event === undefined) continue;
    const o = observe(step.machine);
    standing.collector = o.current.collector;
    if (step.event === "machine-replaced") {
      standing.ninsho = o.current.components;
      continue;
    }
    judge(
      `${step.event} (${plan.deviceClass}${step.machine.setup.platform === "macos" ? " mac" : ""}${step.machine.setup.noBoard ? " noboard" : ""}${step.machine.setup.soldered ? " soldered" : ""}${step.machine.setup.image ? " image" : ""})`,
      standing.ninsho,
      o,
    );
    standing.ninsho = o.current.components;
  }
}
const dy = devices * 3;
console.log(`devices ${devices} seed ${seed} threshold ${threshold} (counts per 100 device-years)`);
for (const [event, row] of [...table].sort()) {
  const top = [...row].sort((a, b) => b[1] - a[1]);
  const rows = top.filter(([k]) => !k.startsWith("all")).slice(0, 8);
  const alls = top.filter(
    ([k]) => k.startsWith("all") && !k.includes("w=1 two=1 twoKinds=1 twoKindDigests=1"),
  );
  if (rows.length === 0 && alls.length === 0) continue;
  console.log(`\n${event}`);
  for (const [k, n] of [...alls, ...rows]) console.log(`  ${((100 * n) / dy).toFixed(4)}  ${n}  ${k}`);
}
