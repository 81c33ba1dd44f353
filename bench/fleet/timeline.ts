import { applyEvent, type EventContext } from "./apply.js";
import { popularSku } from "./catalogue.js";
import type { Environment } from "./device.js";
import { type AdversarialEvent, type LegitEvent, legitEvents } from "./events.js";
import { restore, restoreDays } from "./hazard.js";
import { refreshGap } from "./lineage.js";
import { type Machine, newMachine } from "./machine.js";
import type { DevicePlan } from "./plan.js";
import { Rng } from "./prng.js";
import { schedule } from "./schedule.js";
import { DOCKED_SHARE, peripherals, USB_SHARE, usage } from "./usage.js";

/** One thing in a device's life, in time order. The machine is the device's, as it is at that moment. */
export type Step =
  /** The app refreshes its lease; `event` is the heaviest change since the previous refresh, if any. */
  | {
      readonly kind: "refresh";
      readonly day: number;
      readonly event: LegitEvent | undefined;
      readonly machine: Machine;
    }
  /** A second machine tries to run on this device's license (judged apart; the device is not changed). */
  | {
      readonly kind: "attempt";
      readonly day: number;
      readonly event: AdversarialEvent;
      readonly machine: Machine;
    }
  /** The machine is put back to its state of `savedOn` (a snapshot reverted, a backup restored). */
  | { readonly kind: "restore"; readonly day: number; readonly savedOn: number };

const isLegit = (e: string): e is LegitEvent => (legitEvents as readonly string[]).includes(e);

/** A device's machine, how often it is on, and the steps of its life over the horizon. */
export interface DeviceLife {
  readonly pOn: number;
  readonly first: Machine;
  readonly steps: Generator<Step>;
  /** How many of each legit event happened so far (by position in `legitEvents`). */
  readonly counts: number[];
}

/**
 * One device's years: events change the machine between refreshes; docks and USB adapters are sampled at each
 * refresh. Every draw comes from the device's own stream, so the same device lives the same life whichever
 * consumer (the model's tally, or the real server) walks it.
 */
export function deviceLife(seed: number, index: number, plan: DevicePlan, env: Environment): DeviceLife {
  const rng = new Rng(seed, 1000 + index);
  const pOn = usage(rng, plan.deviceClass);
  const gear = peripherals(rng, plan.deviceClass, plan.org, env.params);
  const first = newMachine(rng, plan.sku, 1, env.setup(rng, plan.sku, plan));
  const ctx: EventContext = {
    rng,
    catalogue: env.catalogue,
    params: env.params,
    nextSku: () => plan.org?.refreshSku ?? popularSku(rng, env.catalogue, plan.deviceClass),
    nextSetup: (sku) => env.setup(rng, sku, plan),
  };
  const events = schedule(rng, plan.deviceClass, env.horizonDays, env.params);
  const restores = restoreDays(rng, plan.deviceClass, env.horizonDays);
  const counts = legitEvents.map(() => 0);
  const count = (i: number) => {
    counts[i] = (counts[i] ?? 0) + 1;
  };
  function* steps(): Generator<Step> {
    let m = first;
    let next = 0;
    for (let day = refreshGap(rng, pOn) * rng.next(); day <= env.horizonDays; day += refreshGap(rng, pOn)) {
      for (let r = restores[0]; r !== undefined && r <= day; r = restores[0]) {
        restores.shift();
        yield { kind: "restore", day: r, savedOn: r - rng.exp(restore.meanAgeDays[plan.deviceClass]) };
      }
      let heaviest: number = legitEvents.length;
      for (let e = events[next]; e !== undefined && e.day <= day; e = events[++next]) {
        if (!isLegit(e.event)) {
          yield { kind: "attempt", day: e.day, event: e.event, machine: m };
          continue;
        }
        m = applyEvent(m, e.event, ctx);
        const i = legitEvents.indexOf(e.event);
        count(i);
        heaviest = Math.min(heaviest, i);
      }
      // Whatever is plugged in when the app asks; only a Thunderbolt dock's NIC is reported (collector.ts).
      const docked = gear.docks.length > 0 && rng.chance(DOCKED_SHARE) ? rng.pick(gear.docks) : undefined;
      const dock = gear.docksReported ? docked : undefined;
      const usb = gear.usbMac !== undefined && rng.chance(USB_SHARE) ? gear.usbMac : undefined;
      if (dock !== m.dockMac || usb !== m.usbMac) {
        m.dockMac = dock;
        m.usbMac = usb;
        const i = legitEvents.indexOf("dock-usb");
        count(i);
        heaviest = Math.min(heaviest, i);
      }
      yield { kind: "refresh", day, event: legitEvents[heaviest], machine: m };
    }
  }
  return { pOn, first, steps: steps(), counts };
}
