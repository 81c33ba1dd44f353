import type { DeviceClass } from "./catalogue.js";
import { adversarialEvents, type EventType, legitEvents, rates } from "./events.js";
import type { ParamName, Params } from "./params.js";
import type { Rng } from "./prng.js";

export interface Scheduled {
  readonly day: number;
  readonly event: EventType;
}

/** Days on which the vendor ships a collector release that reads some kinds differently: about every 15 months. */
export const collectorReleases = (horizonDays: number): number[] => {
  const days: number[] = [];
  for (let day = 300; day < horizonDays; day += 460) days.push(day);
  return days;
};

/** Collector version the vendor ships on `day` (a friend installing the app gets this one). */
export const shippedCollector = (day: number, horizonDays: number): number =>
  1 + collectorReleases(horizonDays).filter((d) => d <= day).length;

/** Mean days for an auto-update to reach a machine. */
const ADOPTION_DAYS = 21;

/** One device's events over the horizon, in time order: Poisson arrivals per rate, plus collector adoptions. */
export function schedule(
  rng: Rng,
  deviceClass: DeviceClass,
  horizonDays: number,
  params: Params,
): Scheduled[] {
  const out: Scheduled[] = [];
  for (const event of [...legitEvents, ...adversarialEvents]) {
    if (event === "collector-update" || event === "dock-usb") continue;
    const factor = params[`rate:${event}` as ParamName] ?? 1;
    const perYear = rates[event].rate[deviceClass] * factor;
    if (perYear <= 0) continue;
    for (let day = rng.exp(365 / perYear); day < horizonDays; day += rng.exp(365 / perYear)) {
      out.push({ day, event });
    }
  }
  for (const release of collectorReleases(horizonDays)) {
    const day = release + rng.exp(ADOPTION_DAYS);
    if (day < horizonDays) out.push({ day, event: "collector-update" });
  }
  return out.sort((a, b) => a.day - b.day);
}
