import type { DeviceClass } from "./catalogue.js";
import { SUSPICION_WINDOW_DAYS } from "./lineage.js";
import type { Rng } from "./prng.js";

/**
 * The lease lineage's own false positive, outside the event list and so reported apart: a machine put
 * back to an earlier state (a VM snapshot reverted, a disk image restored from backup) presents a lease its line
 * has moved past, exactly as a clone would. The server treats one stale lease as a suspicion and serves it;
 * only a second within the window (lease + grace) is a fork, so a restore forces a reactivation only when two
 * come that close together.
 */
export const restore = {
  rate: { "corporate-laptop": 0.01, "consumer-laptop": 0.01, desktop: 0.01, vm: 0.15 } as Readonly<
    Record<DeviceClass, number>
  >,
  /** Mean age of the state restored, in days. */
  meanAgeDays: { "corporate-laptop": 30, "consumer-laptop": 30, desktop: 30, vm: 14 } as Readonly<
    Record<DeviceClass, number>
  >,
  why: "Full image restores after a failure or malware are rare on physical machines (1% a year, judgement); snapshots are reverted on dev/test VMs, taken as 0.15 a year per VM on average with a two-week-old snapshot.",
} as const;

/** Days of this device's restores over the horizon. */
export function restoreDays(rng: Rng, deviceClass: DeviceClass, horizonDays: number): number[] {
  const perYear = restore.rate[deviceClass];
  const days: number[] = [];
  for (let day = rng.exp(365 / perYear); day < horizonDays; day += rng.exp(365 / perYear)) days.push(day);
  return days;
}

/**
 * What a restore on `day` makes the server see. The restored lease is stale (older than the newest lease's
 * parent) when the device refreshed at least twice since the state was saved (once is a retry). A stale lease
 * is only a suspicion, served; it is "forked" only when an earlier suspicion is still within the window
 * (`suspectedDay`), as a clone's other copy would be.
 */
export function restoreOutcome(
  savedOn: number,
  day: number,
  refreshDays: readonly number[],
  suspectedDay: number | undefined,
): "fine" | "suspect" | "forked" {
  let since = 0;
  for (let i = refreshDays.length - 1; i >= 0 && (refreshDays[i] ?? 0) > savedOn; i--) since++;
  if (since < 2) return "fine";
  return suspectedDay !== undefined && day - suspectedDay <= SUSPICION_WINDOW_DAYS ? "forked" : "suspect";
}
