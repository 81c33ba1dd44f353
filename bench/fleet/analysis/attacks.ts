import { runCandidates } from "../candidates.js";
import { adversarialEvents } from "../events.js";
import { wilson } from "../stats.js";

/**
 * Acceptance by components alone per attack, and lock-outs, of the chosen design against the weighted score
 * alone, on held-out seeds: `npx tsx bench/fleet/analysis/attacks.ts [devices] [seeds]`.
 */
const devices = Number(process.argv[2] ?? 50000);
const seeds = (process.argv[3] ?? "7,99").split(",").map(Number);
const cands = [
  { weights: "shipped", pairs: "two unit ids" as const, threshold: 0.35 },
  { weights: "shipped", pairs: "none" as const, threshold: 0.45 },
  { weights: "shipped", pairs: "two unit ids" as const, threshold: 0.45 },
  { weights: "shipped", pairs: "none" as const, threshold: 0.35 },
];
for (const seed of seeds) {
  const run = await runCandidates(seed, devices, 3, cands);
  const t = run.tally;
  console.log(`seed ${seed}, ${devices} devices, ${t.deviceYears} device-years`);
  run.ruleNames.forEach((name, r) => {
    const lock = (t.lockouts[r] ?? []).reduce((a, b) => a + b, 0);
    const parts = adversarialEvents.map((e, i) => {
      const n = t.attempts[i] ?? 0;
      const k = t.componentAccepted[r]?.[i] ?? 0;
      const ci = wilson(k, n);
      return `${e} ${k}/${n} = ${((100 * k) / Math.max(1, n)).toFixed(2)}% (${(100 * ci.low).toFixed(2)}–${(100 * ci.high).toFixed(2)})`;
    });
    console.log(`  ${name}: lock-outs ${((100 * lock) / t.deviceYears).toFixed(3)}%; ${parts.join("; ")}`);
  });
}
