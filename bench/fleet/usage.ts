import type { DeviceClass } from "./catalogue.js";
import { type Params, scaled } from "./params.js";
import type { Org } from "./plan.js";
import type { Rng } from "./prng.js";

/**
 * Share of days a machine is on and online. Most are used on workdays, some daily (servers), some rarely (a
 * spare laptop in a drawer), which matters: a rarely used machine meets several changes at one refresh.
 */
const USAGE: Readonly<Record<DeviceClass, readonly (readonly [number, number])[]>> = {
  "corporate-laptop": [
    [0.7, 6],
    [0.4, 3],
    [0.1, 1],
  ],
  "consumer-laptop": [
    [0.8, 2],
    [0.4, 4],
    [0.15, 3],
    [0.04, 1],
  ],
  desktop: [
    [0.9, 3],
    [0.6, 4],
    [0.2, 2],
    [0.04, 1],
  ],
  vm: [
    [0.99, 6],
    [0.6, 3],
    [0.1, 1],
  ],
};

export const usage = (rng: Rng, deviceClass: DeviceClass): number => rng.weighted(USAGE[deviceClass]);

/** The docks and USB adapter a laptop user plugs in, and how often. */
export interface Peripherals {
  /** MACs of the docks this user may sit on: their own (home and office), or the office's shared pool. */
  readonly docks: readonly string[];
  /** Whether the docks are Thunderbolt/PCIe ones, whose NIC the collectors report (USB docks are left out). */
  readonly docksReported: boolean;
  readonly usbMac: string | undefined;
}

const DOCK_USERS: Readonly<Record<DeviceClass, number>> = {
  "corporate-laptop": 0.6,
  "consumer-laptop": 0.15,
  desktop: 0,
  vm: 0,
};
export const DOCKED_SHARE = 0.5;
export const USB_SHARE = 0.3;
const HOT_DESK_DOCKS = 40;

export function peripherals(
  rng: Rng,
  deviceClass: DeviceClass,
  org: Org | undefined,
  params: Params,
): Peripherals {
  let docks: string[] = [];
  if (rng.chance(scaled(DOCK_USERS[deviceClass], params["dock-users"]))) {
    docks = org?.hotDesk
      ? Array.from({ length: HOT_DESK_DOCKS }, (_, i) => `dock-${org.id}-${i}`)
      : [rng.unitId(), rng.unitId()];
  }
  const laptop = deviceClass === "corporate-laptop" || deviceClass === "consumer-laptop";
  const docksReported = rng.chance(scaled(0.3, params["thunderbolt-docks"]));
  const usb = laptop && rng.chance(scaled(0.05, params["usb-nic"]));
  return { docks, docksReported, usbMac: usb ? rng.unitId() : undefined };
}
