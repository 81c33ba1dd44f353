import type { Component, ComponentSet, Fingerprint } from "@ninsho/core";
import type { Machine } from "./machine.js";

/**
 * What each collector release changes in how it reads hardware (release 2 reads disks through the NVMe API and
 * the board through SMBIOS type 2 instead of WMI; release 3 reads permanent MACs and PCI ids for the GPU). A
 * kind read differently gives a different digest for the same hardware: the "feature update" of story 3.
 */
const RELEASE_CHANGES: readonly (readonly string[])[] = [
  ["disk", "board"],
  ["mac", "gpu"],
  ["os-install", "ram"],
];

/** How many releases up to `version` changed how `kind` is read: part of its digest. */
export function readVariant(kind: string, version: number): number {
  let variant = 0;
  for (let release = 2; release <= version; release++) {
    if (RELEASE_CHANGES[(release - 2) % RELEASE_CHANGES.length]?.includes(kind)) variant++;
  }
  return variant;
}

/** All MACs the machine shows now, its own first. */
export const macsOf = (m: Machine): string[] => {
  const macs: string[] = [];
  if (m.onboardMac !== undefined) macs.push(m.onboardMac);
  macs.push(...m.cardMacs);
  if (m.dockMac !== undefined) macs.push(m.dockMac);
  if (m.usbMac !== undefined) macs.push(m.usbMac);
  return macs;
};

/**
 * The MACs the shipped collectors report: built-in adapters only. USB adapters and USB docks are left out on
 * every platform (Windows: not on a PCI bus; Linux: `usb` in sysfs; macOS: detachable service); a Thunderbolt
 * dock's NIC is PCIe and is reported on Windows and Linux (`dockMac` is set only for such docks, see usage.ts).
 */
const reportedMacs = (m: Machine): string[] => {
  const macs: string[] = [];
  if (m.onboardMac !== undefined) macs.push(m.onboardMac);
  macs.push(...m.cardMacs);
  if (m.dockMac !== undefined && m.setup.platform !== "macos") macs.push(m.dockMac);
  return macs;
};

/**
 * The components collector `version` reports. Digests here are opaque strings: the matcher only compares them
 * (the real SDK salts and hashes; that does not change which ones are equal). Firmware versions are never
 * read, and a placeholder board serial is left out rather than reported as a value shared by thousands.
 */
export function readComponents(m: Machine, version: number): ComponentSet {
  const c: Component[] = [];
  if (m.boardSerial !== undefined && !m.setup.noBoard)
    c.push(read(m, version, "board", `${m.boardModel}-${m.boardSerial}`));
  c.push(read(m, version, "cpu", String(m.cpuModel)));
  for (const disk of m.disks) c.push(read(m, version, "disk", disk));
  for (const mac of reportedMacs(m)) c.push(read(m, version, "mac", mac));
  c.push(read(m, version, "ram", String(m.ramGb)));
  c.push(read(m, version, "gpu", String(m.gpuModel)));
  c.push(read(m, version, "os-install", m.osInstall));
  return { collector: `sim/${version}`, components: c };
}

/** One component as collector `version` reads it (a module function: a closure per call cost a tenth of the time). */
const read = (m: Machine, version: number, kind: string, value: string): Component => ({
  kind,
  digest: `${readVariant(kind, version)}.${m.reread[kind] ?? 0}-${value}`,
});

/** What the app on the machine sends: its collector's set, and during a migration its predecessor's too. */
export function fingerprintOf(m: Machine): Fingerprint {
  const current = readComponents(m, m.collector);
  if (m.collector <= 1) return current;
  return { ...current, previous: [readComponents(m, m.collector - 1)] };
}

/** One XP hash field of `bits` bits. */
const xpField = (m: Machine, version: number, kind: string, bits: number, value: string): number =>
  fnv(`${kind}:${readVariant(kind, version)}.${m.reread[kind] ?? 0}:${value}`) & ((1 << bits) - 1);

/** 32-bit FNV-1a, for the compact per-field hashes of the XP-style rule. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The ten fields of Windows XP's hardware hash, each a few bits wide as XP stored them (so two different parts
 * can hash alike). XP read the first network adapter, the hard drive's hardware id (its model, not its serial)
 * and the volume serial, which a disk image carries along.
 */
export function xpFields(m: Machine, version = m.collector): number[] {
  const firstMac = (m.dockFirst ? m.dockMac : undefined) ?? macsOf(m)[0] ?? "none";
  const chipset = String(m.boardModel);
  return [
    xpField(m, version, "os-install", 10, m.volumeSerial),
    xpField(m, version, "mac", 10, firstMac),
    xpField(m, version, "optical", 7, String(m.sku.optical)),
    xpField(m, version, "gpu", 5, String(m.gpuModel)),
    // Processor serial number: disabled on every CPU since the Pentium III, so a constant.
    0,
    xpField(m, version, "disk", 7, String(m.diskModel)),
    xpField(m, version, "board", 5, `scsi-${chipset}`),
    xpField(m, version, "board", 4, `ide-${chipset}`),
    xpField(m, version, "cpu", 4, String(m.cpuModel)),
    Math.min(7, Math.round(Math.log2(m.ramGb))),
  ];
}
