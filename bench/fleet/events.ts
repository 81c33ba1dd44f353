import type { DeviceClass } from "./catalogue.js";

/** Things that happen to a legitimate device. Listed heaviest first: a lock-out is charged to the heaviest since the last check. */
export const legitEvents = [
  "machine-replaced",
  "motherboard-replaced",
  "vm-move",
  "disk-replaced",
  "os-reinstall",
  "os-update-reread",
  "vm-migration",
  "nic-change",
  "gpu-swap",
  "collector-update",
  "bios-update",
  "ram-upgrade",
  "dock-usb",
] as const;
export type LegitEvent = (typeof legitEvents)[number];

/** Attempts to run one license on a second machine. */
export const adversarialEvents = ["disk-clone", "vm-clone", "key-shared"] as const;
export type AdversarialEvent = (typeof adversarialEvents)[number];

export type EventType = LegitEvent | AdversarialEvent;

/** Rate per device-year for corporate laptops, consumer laptops, desktops and VMs, and why. */
export interface RateRow {
  readonly rate: Readonly<Record<DeviceClass, number>>;
  readonly effect: string;
  readonly why: string;
}

const r = (
  corporate: number,
  consumer: number,
  desktop: number,
  vm: number,
): Record<DeviceClass, number> => ({
  "corporate-laptop": corporate,
  "consumer-laptop": consumer,
  desktop,
  vm,
});

/**
 * Poisson rates. `collector-update` and `dock-usb` are not drawn from a rate (see `schedule.ts`); their rows
 * give the rate that results. Sources are public figures where they exist and stated judgement where not.
 */
export const rates: Readonly<Record<EventType, RateRow>> = {
  "bios-update": {
    rate: r(2, 0.7, 0.5, 0),
    effect:
      "firmware version and microcode change; SMBIOS serial rewritten on 1% of OEM and 10% of retail boards",
    why: "OEMs ship several BIOS updates a year and managed fleets push them (Dell Command Update, Lenovo System Update, Windows Update capsules); consumers and self-builders apply fewer. Retail boards are known to lose their DMI serial on a flash.",
  },
  "os-reinstall": {
    rate: r(0.15, 0.12, 0.15, 0.1),
    effect: "new OS install id and volume serial",
    why: "Corporate IT reimages on OS migrations and break/fix (about one machine in seven a year); people reinstall less; VMs are rebuilt from templates rather than reinstalled.",
  },
  "collector-update": {
    rate: r(0.67, 0.67, 0.67, 0.67),
    effect: "the app's collector reads two kinds differently (release 2: disk, board; release 3: mac, gpu)",
    why: "Two collector releases in three years (days 300 and 760), each reaching a device after an auto-update delay of about three weeks: the vendor's own 24H2.",
  },
  "disk-replaced": {
    rate: r(0.03, 0.03, 0.04, 0),
    effect:
      "one disk gets a new serial; a system disk is freshly installed (80% corporate, 50% others) or cloned",
    why: "SSD/HDD annual failure rates of 1–1.5% (Backblaze) plus capacity upgrades; virtual disks do not fail.",
  },
  "ram-upgrade": {
    rate: r(0.02, 0.04, 0.06, 0.1),
    effect: "RAM size doubles",
    why: "The commonest upgrade on desktops, rarer on laptops with soldered memory; VMs are resized.",
  },
  "nic-change": {
    rate: r(0.01, 0.02, 0.03, 0.05),
    effect: "an add-in NIC or M.2 Wi-Fi card is added or replaced (a vNIC added or removed on a VM)",
    why: "Wi-Fi card swaps and add-in NICs are occasional repairs and upgrades.",
  },
  "dock-usb": {
    rate: r(0, 0, 0, 0),
    effect: "a dock's or USB adapter's MAC appears or goes between two refreshes",
    why: "60% of corporate and 15% of consumer laptop users dock, at half of refreshes; in 40% of companies desks are shared (one of 40 docks); 5% of laptops use a USB Ethernet adapter at 30% of refreshes. The resulting rate is printed.",
  },
  "vm-migration": {
    rate: r(0, 0, 0, 4),
    effect: "host CPU model changes (30%), dynamic MAC regenerated (20%); VM UUID and virtual disks keep",
    why: "Clouds live-migrate for host maintenance several times a year; heterogeneous clusters expose a different CPU model, Hyper-V dynamic MACs change on a move.",
  },
  "motherboard-replaced": {
    rate: r(0.015, 0.015, 0.01, 0),
    effect:
      "new board serial and onboard MAC; desktops: 50% a different board model, then new CPU (60%) and RAM (40%); 10% also reimaged; soldered storage (every Mac, 20% of other laptops) goes with the board; on a Mac the install id (IOPlatformUUID) is the board's",
    why: "The system board is among the commonest warranty repairs (1–2% of laptops a year); the disk stays with the customer's data.",
  },
  "vm-move": {
    rate: r(0, 0, 0, 0.1),
    effect:
      "the VM moved to another hypervisor or cluster (export/import, a cloud region move): new VM UUID, virtual disk serials and MAC",
    why: "Judgement: datacentre consolidations, hypervisor changes (VMware to Hyper-V or KVM) and region moves touch about one VM in ten a year.",
  },
  "os-update-reread": {
    rate: r(0.2, 0.2, 0.2, 0.1),
    effect:
      "an OS feature update or driver changes what the same collector reads for one kind (disk 40%, mac 30%, board 20%, gpu 10%); no `previous` can carry it",
    why: "The 24H2 case: Windows feature updates changed storage and network driver stacks and WMI answers; judged one machine in five a year.",
  },
  "gpu-swap": {
    rate: r(0, 0, 0.08, 0),
    effect: "a new graphics card model",
    why: "Gamers and workstation users upgrade GPUs every few years; only desktops take one.",
  },
  "machine-replaced": {
    rate: r(0.25, 0.2, 0.15, 0.1),
    effect:
      "a new machine (the company's current model, else a popular one); an expected transfer, not a lock-out",
    why: "Four-year corporate refresh cycles, five-year consumer ones.",
  },
  "disk-clone": {
    rate: r(0.01, 0.005, 0.01, 0),
    effect:
      "the system disk imaged onto another machine: same model 80% (corporate), 10% (consumer), 20% (desktop)",
    why: "Imaging an activated golden machine onto others of the same order is the common case.",
  },
  "vm-clone": {
    rate: r(0, 0, 0, 0.1),
    effect: "a perfect copy of the VM, lease included, run beside the original",
    why: "Cloning a VM is one click; one VM in ten is cloned and both copies run in a year.",
  },
  "key-shared": {
    rate: r(0.005, 0.03, 0.02, 0.005),
    effect: "the key activated on a friend's machine (a popular consumer laptop or desktop)",
    why: "Sharing is mostly a consumer habit.",
  },
};
