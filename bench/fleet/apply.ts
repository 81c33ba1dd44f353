import { type Catalogue, type DeviceClass, popularSku, type Sku } from "./catalogue.js";
import type { LegitEvent } from "./events.js";
import { copyMachine, imageOnto, type Machine, newMachine } from "./machine.js";
import { type Rng, zipfIndex } from "./prng.js";

/** What an event needs beyond the machine: the catalogue and where the device's next machine comes from. */
export interface EventContext {
  readonly rng: Rng;
  readonly catalogue: Catalogue;
  /** The model a replacement machine is (a company's current order, or a popular model). */
  readonly nextSku: () => Sku;
}

const retailBoard = (m: Machine): boolean => m.boardModel >= 500 && m.boardModel < 600;

/** A board whose DMI data a flash or a repair rewrote: wiped to a placeholder or regenerated. */
const rewrittenSerial = (rng: Rng): string | undefined => (rng.chance(0.5) ? undefined : rng.unitId());

/** Edit `m` as the event does; returns the machine the device is from now on (a new one on replacement). */
export function applyEvent(m: Machine, event: LegitEvent, ctx: EventContext): Machine {
  const { rng } = ctx;
  switch (event) {
    case "bios-update":
      if (rng.chance(retailBoard(m) ? 0.1 : 0.01)) m.boardSerial = rewrittenSerial(rng);
      return m;
    case "os-reinstall":
      m.osInstall = rng.unitId();
      m.volumeSerial = rng.unitId();
      return m;
    case "collector-update":
      m.collector += 1;
      return m;
    case "disk-replaced":
      replaceDisk(m, rng);
      return m;
    case "ram-upgrade":
      m.ramGb = Math.min(256, m.ramGb * 2);
      return m;
    case "nic-change":
      changeNic(m, rng);
      return m;
    case "vm-migration":
      if (rng.chance(0.3)) m.cpuModel = 200 + zipfIndex(rng, 12);
      if (rng.chance(0.2)) m.onboardMac = rng.unitId();
      return m;
    case "motherboard-replaced":
      replaceBoard(m, rng);
      return m;
    case "machine-replaced":
      return newMachine(rng, ctx.nextSku(), m.collector);
    case "dock-usb":
      return m;
  }
}

function replaceDisk(m: Machine, rng: Rng): void {
  const system = m.disks.length < 2 || rng.chance(0.5);
  m.disks[system ? 0 : 1] = rng.unitId();
  if (!system) return;
  if (rng.chance(0.7)) m.diskModel = zipfIndex(rng, 40);
  const fresh = rng.chance(m.sku.deviceClass === "corporate-laptop" ? 0.8 : 0.5);
  if (fresh) {
    m.osInstall = rng.unitId();
    m.volumeSerial = rng.unitId();
  }
}

function changeNic(m: Machine, rng: Rng): void {
  if (m.sku.deviceClass === "vm" && m.cardMacs.length > 0 && rng.chance(0.5)) {
    m.cardMacs.pop();
  } else if (m.cardMacs.length > 0 && (m.onboardMac === undefined || rng.chance(0.5))) {
    m.cardMacs[rng.int(m.cardMacs.length)] = rng.unitId();
  } else if (m.cardMacs.length < 2) {
    m.cardMacs.push(rng.unitId());
  }
}

function replaceBoard(m: Machine, rng: Rng): void {
  const desktop = m.sku.deviceClass === "desktop";
  if (desktop && rng.chance(0.5)) {
    // A failed desktop board is often replaced by a newer model: socket and memory generation may move with it.
    m.boardModel = 500 + zipfIndex(rng, 80);
    if (rng.chance(0.6)) m.cpuModel = 20 + zipfIndex(rng, 40);
    if (rng.chance(0.4)) m.ramGb = m.ramGb * 2;
    m.boardSerial = rng.chance(0.2) ? undefined : rng.unitId();
  } else {
    m.boardSerial = m.sku.placeholderSerial ? undefined : rng.unitId();
  }
  if (m.onboardMac !== undefined) m.onboardMac = rng.unitId();
  if (rng.chance(0.1)) {
    m.osInstall = rng.unitId();
    m.volumeSerial = rng.unitId();
  }
}

/** Chance that a disk image lands on a machine of the same model as its source. */
const SAME_MODEL: Readonly<Record<DeviceClass, number>> = {
  "corporate-laptop": 0.8,
  "consumer-laptop": 0.1,
  desktop: 0.2,
  vm: 1,
};

/** The second machine of a disk-image clone. */
export function diskCloneTarget(m: Machine, rng: Rng, catalogue: Catalogue): Machine {
  const cls = m.sku.deviceClass;
  const sku = rng.chance(SAME_MODEL[cls]) ? m.sku : popularSku(rng, catalogue, cls);
  return imageOnto(rng, m, sku);
}

/** A perfect copy of a VM: every component reads the same. */
export const vmCloneTarget = (m: Machine): Machine => copyMachine(m);

/** A friend's machine, running the newest collector the vendor ships at that time. */
export function friendMachine(rng: Rng, catalogue: Catalogue, collector: number): Machine {
  const cls: DeviceClass = rng.chance(0.6) ? "consumer-laptop" : "desktop";
  return newMachine(rng, popularSku(rng, catalogue, cls), collector);
}
