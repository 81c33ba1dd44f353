import { type Catalogue, type DeviceClass, popularSku, type Sku } from "./catalogue.js";
import type { LegitEvent } from "./events.js";
import { copyMachine, imageOnto, type Machine, newMachine, type Setup } from "./machine.js";
import { type Params, scaled } from "./params.js";
import { type Rng, zipfIndex } from "./prng.js";

/** What an event needs beyond the machine: the catalogue and where the device's next machine comes from. */
export interface EventContext {
  readonly rng: Rng;
  readonly catalogue: Catalogue;
  readonly params: Params;
  /** The model a replacement machine is (a company's current order, or a popular model). */
  readonly nextSku: () => Sku;
  /** The OS and storage of a replacement machine. */
  readonly nextSetup: (sku: Sku) => Setup;
}

const retailBoard = (m: Machine): boolean => m.boardModel >= 500 && m.boardModel < 600;

/** A board whose DMI data a flash or a repair rewrote: wiped to a placeholder or regenerated. */
const rewrittenSerial = (rng: Rng): string | undefined => (rng.chance(0.5) ? undefined : rng.unitId());

/** A fresh OS install: a new install id and volume serial (an office reimages with its own image). */
function reinstall(m: Machine, rng: Rng): void {
  // A Mac's install id is the board's IOPlatformUUID: a reinstall keeps it.
  if (m.setup.platform !== "macos") m.osInstall = m.setup.image ?? rng.unitId();
  m.volumeSerial = m.setup.image ?? rng.unitId();
}

/** Kinds an OS or driver update may read differently, and how often each is the one. */
const REREAD: readonly (readonly [string, number])[] = [
  ["disk", 4],
  ["mac", 3],
  ["board", 2],
  ["gpu", 1],
];

/** Edit `m` as the event does; returns the machine the device is from now on (a new one on replacement). */
export function applyEvent(m: Machine, event: LegitEvent, ctx: EventContext): Machine {
  const { rng, params } = ctx;
  switch (event) {
    case "bios-update":
      if (rng.chance(scaled(retailBoard(m) ? 0.1 : 0.01, params["serial-unreadable"])))
        m.boardSerial = rewrittenSerial(rng);
      return m;
    case "os-reinstall":
      reinstall(m, rng);
      return m;
    case "os-update-reread": {
      const kind = rng.weighted(REREAD);
      m.reread[kind] = (m.reread[kind] ?? 0) + 1;
      return m;
    }
    case "collector-update":
      m.collector += 1;
      return m;
    case "disk-replaced":
      replaceDisk(m, rng, params);
      return m;
    case "ram-upgrade":
      m.ramGb = Math.min(256, m.ramGb * 2);
      return m;
    case "gpu-swap":
      m.gpuModel = zipfIndex(rng, 30);
      return m;
    case "nic-change":
      changeNic(m, rng);
      return m;
    case "vm-migration":
      if (rng.chance(0.3)) m.cpuModel = 200 + zipfIndex(rng, 12);
      if (rng.chance(0.2)) m.onboardMac = rng.unitId();
      return m;
    case "vm-move":
      // An export and import, or a conversion to another hypervisor: the VM gets a new identity.
      m.boardSerial = rng.unitId();
      m.disks = m.disks.map(() => rng.unitId());
      m.onboardMac = rng.unitId();
      if (rng.chance(0.5)) m.cpuModel = 200 + zipfIndex(rng, 12);
      return m;
    case "motherboard-replaced":
      replaceBoard(m, rng, params);
      return m;
    case "machine-replaced": {
      const sku = ctx.nextSku();
      return newMachine(rng, sku, m.collector, ctx.nextSetup(sku));
    }
    case "dock-usb":
      return m;
  }
}

function replaceDisk(m: Machine, rng: Rng, params: Params): void {
  const system = m.disks.length < 2 || rng.chance(0.5);
  m.disks[system ? 0 : 1] = rng.unitId();
  if (!system) return;
  if (rng.chance(0.7)) m.diskModel = zipfIndex(rng, 40);
  const base = m.sku.deviceClass === "corporate-laptop" ? 0.8 : 0.5;
  if (rng.chance(scaled(base, params["disk-fresh-install"]))) reinstall(m, rng);
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

function replaceBoard(m: Machine, rng: Rng, params: Params): void {
  const desktop = m.sku.deviceClass === "desktop";
  if (desktop && rng.chance(0.5)) {
    // A failed desktop board is often replaced by a newer model: socket and memory generation may move with it.
    m.boardModel = 500 + zipfIndex(rng, 80);
    if (rng.chance(0.6)) m.cpuModel = 20 + zipfIndex(rng, 40);
    if (rng.chance(0.4)) m.ramGb = m.ramGb * 2;
    m.boardSerial = rng.chance(scaled(0.2, params["serial-unreadable"])) ? undefined : rng.unitId();
  } else {
    m.boardSerial = m.sku.placeholderSerial ? undefined : rng.unitId();
  }
  if (m.onboardMac !== undefined) m.onboardMac = rng.unitId();
  if (m.setup.platform === "macos") m.osInstall = rng.unitId();
  if (m.setup.soldered) {
    // The storage goes with the board: a new disk, restored from a backup onto a fresh install.
    m.disks[0] = rng.unitId();
    reinstall(m, rng);
  } else if (rng.chance(scaled(0.1, params["board-repair-reimage"]))) {
    reinstall(m, rng);
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
export function diskCloneTarget(m: Machine, rng: Rng, catalogue: Catalogue, params: Params): Machine {
  const cls = m.sku.deviceClass;
  const same = rng.chance(scaled(SAME_MODEL[cls], params["same-model-clone"]));
  const sku = same ? m.sku : popularSku(rng, catalogue, cls);
  return imageOnto(rng, m, sku);
}

/** A perfect copy of a VM: every component reads the same. */
export const vmCloneTarget = (m: Machine): Machine => copyMachine(m);

/**
 * A second machine for a shared key: a colleague's laptop of the same order and office image when the company
 * deploys one, else a friend's machine running the newest collector the vendor ships at that time.
 */
export function friendMachine(
  rng: Rng,
  catalogue: Catalogue,
  collector: number,
  owner: Machine,
  setup: (sku: Sku) => Setup,
): Machine {
  if (owner.setup.image !== undefined) return newMachine(rng, owner.sku, owner.collector, owner.setup);
  const cls: DeviceClass = rng.chance(0.6) ? "consumer-laptop" : "desktop";
  const sku = popularSku(rng, catalogue, cls);
  return newMachine(rng, sku, collector, setup(sku));
}
