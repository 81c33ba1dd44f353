import type { Sku } from "./catalogue.js";
import type { Rng } from "./prng.js";

export type Platform = "windows" | "linux" | "macos";

/** What a machine is beyond its model: its OS and how its storage is attached. */
export interface Setup {
  readonly platform: Platform;
  /** Linux app without root: the board's DMI files are unreadable, the board is never reported. */
  readonly noBoard: boolean;
  /** Storage soldered to the board (every Apple-silicon Mac, some thin laptops): they are replaced together. */
  readonly soldered: boolean;
  /** The office's image: the install id every machine of the company is deployed with (never regenerated). */
  readonly image: string | undefined;
}

/**
 * The raw facts of one machine, before any collector reads them. Unit facts are fresh identifiers; model facts
 * come from the SKU (and change only when a part is swapped for a different model). Mutable: events edit it.
 */
export interface Machine {
  sku: Sku;
  /** Baseboard serial; `undefined` when it reads as a placeholder, which the collector leaves out. */
  boardSerial: string | undefined;
  boardModel: number;
  cpuModel: number;
  gpuModel: number;
  ramGb: number;
  /** Serials of the disks, system disk first. */
  disks: string[];
  diskModel: number;
  /** MAC of the NIC soldered to the board: it goes when the board goes. */
  onboardMac: string | undefined;
  /** Add-in NICs and M.2 Wi-Fi cards. */
  cardMacs: string[];
  /** The OS's install id (MachineGuid, /etc/machine-id): new on reinstall, copied with a disk image. */
  osInstall: string;
  /** Volume serial of the system volume, which the XP-style rule reads: new on format, copied with an image. */
  volumeSerial: string;
  /** Version of the collector the app on this machine runs. */
  collector: number;
  /** OS or driver updates that changed how the same collector reads a kind: part of that kind's digest. */
  reread: Record<string, number>;
  readonly setup: Setup;
  /** Whether a docking station's NIC enumerates before the machine's own (driver order), for the XP-style rule. */
  dockFirst: boolean;
  /** Transient NICs: the dock it sits on and a USB Ethernet adapter, when plugged in at a refresh. */
  dockMac: string | undefined;
  usbMac: string | undefined;
}

/** A new unit of a model, as it leaves the factory (or, for a VM, as it is created from a template). */
export function newMachine(rng: Rng, sku: Sku, collector: number, setup: Setup): Machine {
  return {
    setup,
    reread: {},
    sku,
    boardSerial: sku.placeholderSerial ? undefined : rng.unitId(),
    boardModel: sku.boardModel,
    cpuModel: sku.cpuModel,
    gpuModel: sku.gpuModel,
    ramGb: sku.ramGb,
    disks: Array.from({ length: sku.diskCount }, () => rng.unitId()),
    diskModel: sku.diskModel,
    onboardMac: sku.boardTiedNic ? rng.unitId() : undefined,
    cardMacs: sku.boardTiedNic ? [] : [rng.unitId()],
    osInstall: setup.image ?? rng.unitId(),
    volumeSerial: setup.image ?? rng.unitId(),
    collector,
    dockFirst: rng.chance(0.5),
    dockMac: undefined,
    usbMac: undefined,
  };
}

/** A byte-for-byte copy (a cloned VM); arrays are copied so later events on one copy leave the other alone. */
export const copyMachine = (m: Machine): Machine => ({
  ...m,
  disks: [...m.disks],
  cardMacs: [...m.cardMacs],
  reread: { ...m.reread },
});

/**
 * A different physical machine of `sku` that received a disk image of `source`: the OS install id, volume
 * serial and the app (with its collector) come along; every piece of hardware is the target's own.
 */
export function imageOnto(rng: Rng, source: Machine, sku: Sku): Machine {
  const target = newMachine(rng, sku, source.collector, source.setup);
  target.osInstall = source.osInstall;
  target.volumeSerial = source.volumeSerial;
  return target;
}

/**
 * Every field of a machine, the ones that change most between two refreshes of one device first (a dock, a
 * USB adapter, a collector release), then the unit ids that tell devices apart. The type check below fails
 * when a field is added to `Machine` and not here.
 */
const FIELDS = [
  "dockMac",
  "usbMac",
  "collector",
  "osInstall",
  "boardSerial",
  "disks",
  "onboardMac",
  "cardMacs",
  "volumeSerial",
  "reread",
  "cpuModel",
  "ramGb",
  "gpuModel",
  "diskModel",
  "boardModel",
  "dockFirst",
  "sku",
  "setup",
] as const satisfies readonly (keyof Machine)[];
const everyField: Exclude<keyof Machine, (typeof FIELDS)[number]> extends never ? true : never = true;

/**
 * Whether two machines read alike: every field equal (arrays and the reread counts by content; the model and
 * the setup by identity, which can only say "different" of two equal ones, never "same" of two different ones).
 */
export function sameMachine(a: Machine, b: Machine): boolean {
  for (const field of FIELDS) {
    const x = a[field];
    const y = b[field];
    if (x === y) continue;
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    } else if (field === "reread") {
      const [p, q] = [a.reread, b.reread];
      const kinds = Object.keys(p);
      if (kinds.length !== Object.keys(q).length) return false;
      for (const kind of kinds) if (p[kind] !== q[kind]) return false;
    } else return false;
  }
  return everyField;
}
