/**
 * Every guessed parameter of the fleet, as a factor on its stated base value (1 = as stated in the rate table
 * and in the code that uses it). The sweep runs each at ×0.5 and ×2; a probability never goes above 1.
 */
export const paramInfo = {
  "rate:motherboard-replaced": "rate of board repairs",
  "rate:disk-replaced": "rate of disk replacements",
  "rate:os-reinstall": "rate of OS reinstalls",
  "rate:vm-migration": "rate of VM live migrations",
  "rate:vm-move": "rate of VM moves across hypervisors or clusters",
  "rate:nic-change": "rate of NIC changes",
  "rate:os-update-reread": "rate of OS or driver updates that change what one collector reads",
  "rate:bios-update": "rate of BIOS updates",
  "rate:ram-upgrade": "rate of RAM upgrades",
  "rate:gpu-swap": "rate of GPU swaps",
  "rate:machine-replaced": "rate of machine replacements",
  "board-repair-reimage": "share of board repairs that also reimage the disk (base 10%)",
  "disk-fresh-install":
    "share of system-disk replacements with a fresh install (base 80% corporate, 50% others)",
  "serial-unreadable":
    "share of boards whose serial reads as a placeholder or is rewritten by a flash (base 25% of white-box boards; 1%/10% per flash)",
  "vm-share": "share of VMs in the fleet (base 15%)",
  "dock-users": "share of laptop users who dock (base 60% corporate, 15% consumer)",
  "thunderbolt-docks":
    "share of docks whose NIC the collectors report (Thunderbolt/PCIe on Windows and Linux; base 30%)",
  "usb-nic": "share of laptops with a USB Ethernet adapter (base 5%; never reported)",
  "linux-share": "share of physical machines on Linux (base 6%)",
  "linux-no-root": "share of Linux installs where the app cannot read the board (no root; base 90%)",
  "macos-share": "share of laptops that are Macs (base 15%)",
  "soldered-storage":
    "share of non-Mac laptops with storage soldered to the board (base 20%; every Apple-silicon Mac)",
  "office-image":
    "share of companies deploying one disk image whose install id is never regenerated (base 30%)",
  "same-model-clone":
    "share of disk images landing on a machine of the same model (base 80% corporate, 10% consumer, 20% desktop)",
} as const;

export type ParamName = keyof typeof paramInfo;
export const paramNames = Object.keys(paramInfo) as ParamName[];

/** Factors for every parameter; 1 everywhere is the stated model. */
export type Params = Readonly<Record<ParamName, number>>;

export const baseParams: Params = Object.fromEntries(paramNames.map((n) => [n, 1])) as Record<
  ParamName,
  number
>;

/** A probability scaled by its factor, at most 1. */
export const scaled = (base: number, factor: number): number => Math.min(1, base * factor);

/** The base model with one parameter scaled. */
export const withParam = (name: ParamName, factor: number): Params => ({ ...baseParams, [name]: factor });
