import { nothing } from "../collector.js";
import { ramBucket } from "../ramBucket.js";
import type { FingerprintSource } from "../source.js";
import type { RawReading } from "../types.js";
import { parseColonFile, parseUevent, readTrimmed } from "./sysfs.js";

/**
 * The CPU model. x86 names it in `model name`; ARM kernels print no model name, so the implementer and
 * part numbers (e.g. `0x41`/`0xd0c` for a Neoverse N1) stand in for it.
 *
 * @example
 * await readCpu(source); // { kind: "cpu", values: ["AMD Ryzen 7 5800X 8-Core Processor"] }
 */
export async function readCpu(source: FingerprintSource): Promise<RawReading> {
  const text = await source.readFile("/proc/cpuinfo");
  if (text === undefined) return nothing("cpu", "unreadable", "/proc/cpuinfo could not be read");
  const info = parseColonFile(text);
  const arm = ["CPU implementer", "CPU part"].map((key) => info.get(key));
  const model =
    info.get("model name") ??
    info.get("Hardware") ??
    (arm.every((part) => part !== undefined) ? `ARM ${arm.join(" ")}` : undefined);
  if (model === undefined) return nothing("cpu", "not-found", "/proc/cpuinfo names no CPU model");
  return { kind: "cpu", values: [model], from: "/proc/cpuinfo" };
}

/**
 * Memory size as a range label from `MemTotal` (kB), which sits a little under the installed size.
 *
 * @example
 * await readRam(source); // { kind: "ram", values: ["16GiB"] }
 */
export async function readRam(source: FingerprintSource): Promise<RawReading> {
  const text = await source.readFile("/proc/meminfo");
  if (text === undefined) return nothing("ram", "unreadable", "/proc/meminfo could not be read");
  const kib = Number.parseInt(parseColonFile(text).get("MemTotal") ?? "", 10);
  const bucket = ramBucket(kib * 1024);
  if (bucket === undefined) return nothing("ram", "unreadable", "/proc/meminfo has no MemTotal");
  return { kind: "ram", values: [bucket], from: "/proc/meminfo" };
}

const PCI = "/sys/bus/pci/devices";

/**
 * GPUs as PCI `vendor:device` ids of display controllers (class 0x03xxxx). Ids, not names: a driver update
 * renames a card but never changes its id.
 *
 * @example
 * await readGpu(source); // { kind: "gpu", values: ["10de:2484"] }
 */
export async function readGpu(source: FingerprintSource): Promise<RawReading> {
  const slots = await source.readdir(PCI);
  if (slots === undefined) return nothing("gpu", "unreadable", `${PCI} could not be listed`);
  const values: string[] = [];
  for (const slot of [...slots].sort()) {
    const uevent = await source.readFile(`${PCI}/${slot}/uevent`);
    if (uevent === undefined) continue;
    const fields = parseUevent(uevent);
    // PCI_CLASS is hex without 0x, e.g. 30000 (VGA) or 30200 (3D controller of an Optimus laptop).
    const pciClass = Number.parseInt(fields.get("PCI_CLASS") ?? "", 16);
    const id = fields.get("PCI_ID");
    if (id !== undefined && pciClass >> 16 === 0x03) values.push(id);
  }
  if (values.length === 0) return nothing("gpu", "not-found", "no PCI display controller");
  return { kind: "gpu", values, from: PCI };
}

/**
 * The OS install id that systemd writes once at first boot (`/etc/machine-id`), or dbus's older copy.
 *
 * @example
 * await readOsInstall(source); // { kind: "os-install", values: ["3d1219c7c4c5404aaa1f6d2a48adfda4"] }
 */
export async function readOsInstall(source: FingerprintSource): Promise<RawReading> {
  for (const path of ["/etc/machine-id", "/var/lib/dbus/machine-id"]) {
    const id = await readTrimmed(source, path);
    if (id !== undefined) return { kind: "os-install", values: [id], from: path };
  }
  return nothing("os-install", "unreadable", "/etc/machine-id and /var/lib/dbus/machine-id are absent");
}
