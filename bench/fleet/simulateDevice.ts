import { applyEvent } from "./apply.js";
import { popularSku } from "./catalogue.js";
import { attempt, bump, type Environment, observe, type Standing } from "./device.js";
import { type LegitEvent, legitEvents } from "./events.js";
import { restoreDays, restoreOutcome } from "./hazard.js";
import { refreshGap } from "./lineage.js";
import { newMachine } from "./machine.js";
import type { DevicePlan } from "./plan.js";
import { Rng } from "./prng.js";
import { NinshoDevice } from "./rules.js";
import { schedule } from "./schedule.js";
import { legitIndex, type Tally } from "./tally.js";
import { DOCKED_SHARE, peripherals, USB_SHARE, usage } from "./usage.js";

const isLegit = (e: string): e is LegitEvent => (legitEvents as readonly string[]).includes(e);

/**
 * One device's three years: events change the machine between refreshes; at each refresh after a change every
 * rule judges it, and a lock-out is charged to the heaviest change since the previous refresh.
 */
export function simulateDevice(
  seed: number,
  index: number,
  plan: DevicePlan,
  env: Environment,
  tally: Tally,
) {
  const rng = new Rng(seed, 1000 + index);
  const pOn = usage(rng, plan.deviceClass);
  const gear = peripherals(rng, plan.deviceClass, plan.org);
  let m = newMachine(rng, plan.sku, 1);
  const first = observe(m);
  const standing: Standing = {
    ninsho: new NinshoDevice(first, env.weights),
    checks: env.rules.map((rule) => rule.track(first)),
    pOn,
  };
  const ctx = {
    rng,
    catalogue: env.catalogue,
    nextSku: () => plan.org?.refreshSku ?? popularSku(rng, env.catalogue, plan.deviceClass),
  };
  const events = schedule(rng, plan.deviceClass, env.horizonDays);
  const restores = restoreDays(rng, plan.deviceClass, env.horizonDays);
  const refreshes: number[] = [];
  let next = 0;
  let suspectedDay: number | undefined;
  for (let day = refreshGap(rng, pOn) * rng.next(); day <= env.horizonDays; day += refreshGap(rng, pOn)) {
    for (let r = restores[0]; r !== undefined && r <= day; r = restores[0]) {
      restores.shift();
      tally.restores++;
      const outcome = restoreOutcome(rng, plan.deviceClass, r, refreshes, suspectedDay);
      if (outcome === "suspect") suspectedDay = r;
      if (outcome === "forked") tally.restoreForks++;
    }
    refreshes.push(day);
    let heaviest: number = legitEvents.length;
    for (let e = events[next]; e !== undefined && e.day <= day; e = events[++next]) {
      if (!isLegit(e.event)) {
        attempt(e.event, e.day, m, plan, standing, rng, env, tally);
        continue;
      }
      m = applyEvent(m, e.event, ctx);
      const i = legitIndex(e.event);
      tally.events[i] = (tally.events[i] ?? 0) + 1;
      heaviest = Math.min(heaviest, i);
    }
    // Docks and USB adapters are sampled at each refresh: whatever is plugged in when the app asks.
    const dock = gear.docks.length > 0 && rng.chance(DOCKED_SHARE) ? rng.pick(gear.docks) : undefined;
    const usb = gear.usbMac !== undefined && rng.chance(USB_SHARE) ? gear.usbMac : undefined;
    if (dock !== m.dockMac || usb !== m.usbMac) {
      m.dockMac = dock;
      m.usbMac = usb;
      const i = legitIndex("dock-usb");
      tally.events[i] = (tally.events[i] ?? 0) + 1;
      heaviest = Math.min(heaviest, i);
    }
    const event = legitEvents[heaviest];
    if (event === undefined) continue;
    tally.checks[heaviest] = (tally.checks[heaviest] ?? 0) + 1;
    const o = observe(m);
    if (event === "machine-replaced") {
      // A new machine is a transfer the user expects under every rule: new baselines, no lock-out counted.
      standing.ninsho.reset(o);
      for (const check of standing.checks) check.reset(o);
      continue;
    }
    bump(tally.ninshoScores[heaviest], Math.round(standing.ninsho.check(o) * 1000));
    standing.checks.forEach((check, r) => {
      const row = tally.lockouts[r];
      if (row && !check.check(o)) row[heaviest] = (row[heaviest] ?? 0) + 1;
    });
  }
  tally.deviceYears += env.horizonDays / 365;
}
