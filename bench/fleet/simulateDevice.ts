import { attempt, bump, type Environment, helpedScore, observe, type Standing } from "./device.js";
import { legitEvents } from "./events.js";
import { restoreOutcome } from "./hazard.js";
import type { DevicePlan } from "./plan.js";
import { Rng } from "./prng.js";
import type { Contact } from "./rules.js";
import type { Tally } from "./tally.js";
import { deviceLife } from "./timeline.js";

/** Attack draws come from a stream of their own, so a device's life is the same with or without them. */
const ATTACK_STREAM = 0x2545f491;

/**
 * The model's tally of one device's life: at each refresh after a change every rule judges the machine, and a
 * lock-out is charged to the heaviest change since the previous refresh; every attempt is judged by every rule.
 */
export function simulateDevice(
  seed: number,
  index: number,
  plan: DevicePlan,
  env: Environment,
  tally: Tally,
) {
  const life = deviceLife(seed, index, plan, env);
  const first = observe(life.first);
  const standing: Standing = {
    ninsho: first.current.components,
    collector: first.current.collector,
    lastSeen: 0,
    checks: env.rules.map((rule) => rule.track(first)),
    pOn: life.pOn,
  };
  const attackRng = new Rng(seed ^ ATTACK_STREAM, 1000 + index);
  const refreshes: number[] = [];
  let suspectedDay: number | undefined;
  for (const step of life.steps) {
    if (step.kind === "restore") {
      tally.restores++;
      const outcome = restoreOutcome(step.savedOn, step.day, refreshes, suspectedDay);
      if (outcome === "suspect") suspectedDay = step.day;
      if (outcome === "forked") tally.restoreForks++;
      continue;
    }
    if (step.kind === "attempt") {
      attempt(step.event, step.day, step.machine, plan, standing, attackRng, env, tally);
      continue;
    }
    refreshes.push(step.day);
    // Every refresh reaches the server, changed or not: a migration is judged against the one before.
    const lastSeen = standing.lastSeen;
    standing.lastSeen = step.day;
    if (step.event === undefined) continue;
    const at: Contact = { day: step.day, lastSeen };
    const heaviest = legitEvents.indexOf(step.event);
    tally.checks[heaviest] = (tally.checks[heaviest] ?? 0) + 1;
    const o = observe(step.machine);
    if (step.event === "machine-replaced") {
      // A new machine is a transfer the user expects under every rule: new baselines, no lock-out counted.
      standing.ninsho = o.current.components;
      standing.collector = o.current.collector;
      for (const check of standing.checks) check.reset(o);
      continue;
    }
    bump(tally.ninshoScores[heaviest], Math.round(helpedScore(standing, o, at, env) * 1000));
    standing.ninsho = o.current.components;
    standing.collector = o.current.collector;
    standing.checks.forEach((check, r) => {
      const row = tally.lockouts[r];
      if (row && !check.check(o, at)) row[heaviest] = (row[heaviest] ?? 0) + 1;
    });
  }
  life.counts.forEach((n, i) => {
    tally.events[i] = (tally.events[i] ?? 0) + n;
  });
  tally.deviceYears += env.horizonDays / 365;
}
