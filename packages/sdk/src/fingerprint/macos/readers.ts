import { guardReading, nothing } from "../collector.js";
import { type JsonRecord, stringField } from "../json.js";
import { ramBucket } from "../ramBucket.js";
import type { FingerprintSource } from "../source.js";
import type { RawReading } from "../types.js";
import { readPlatformExpert } from "./ioreg.js";
import { type Profile, readProfile } from "./profiler.js";
import { readSysctl } from "./sysctl.js";

const IOREG = "ioreg IOPlatformExpertDevice";
const PROFILER = "system_profiler";

/**
 * The Mac's serial number, from the platform expert (or `system_profiler` when `ioreg` failed).
 *
 * @example
 * await readMacBoard(source); // { kind: "board", values: ["C02ZK0ABMD6T"], from: "ioreg IOPlatformExpertDevice" }
 */
export async function readMacBoard(source: FingerprintSource): Promise<RawReading> {
  const serial = (await readPlatformExpert(source)).get("IOPlatformSerialNumber");
  if (serial !== undefined) return { kind: "board", values: [serial], from: IOREG };
  const fallback = stringField((await readProfile(source))?.hardware[0], "serial_number");
  if (fallback !== undefined) return { kind: "board", values: [fallback], from: PROFILER };
  return nothing("board", "unreadable", "neither ioreg nor system_profiler gave a serial number");
}

/**
 * `IOPlatformUUID`. macOS keeps no separate install id readable without privileges; this UUID is the one
 * every macOS licensing scheme uses, and it survives reinstalls like the Windows MachineGuid does not.
 *
 * @example
 * await readMacInstall(source); // { kind: "os-install", values: ["7C3D9A2E-…"] }
 */
export async function readMacInstall(source: FingerprintSource): Promise<RawReading> {
  const uuid = (await readPlatformExpert(source)).get("IOPlatformUUID");
  if (uuid !== undefined) return { kind: "os-install", values: [uuid], from: IOREG };
  const fallback = stringField((await readProfile(source))?.hardware[0], "platform_UUID");
  if (fallback !== undefined) return { kind: "os-install", values: [fallback], from: PROFILER };
  return nothing("os-install", "unreadable", "neither ioreg nor system_profiler gave IOPlatformUUID");
}

/**
 * The CPU brand string (`Apple M1 Pro`, `Intel(R) Core(TM) i7-9750H CPU @ 2.60GHz`).
 *
 * @example
 * await readMacCpu(source); // { kind: "cpu", values: ["Apple M1 Pro"] }
 */
export async function readMacCpu(source: FingerprintSource): Promise<RawReading> {
  const brand = await readSysctl(source, "machdep.cpu.brand_string");
  if (brand !== undefined) return { kind: "cpu", values: [brand], from: "sysctl" };
  const hardware = (await readProfile(source))?.hardware[0];
  const fallback = stringField(hardware, "chip_type") ?? stringField(hardware, "cpu_type");
  if (fallback !== undefined) return { kind: "cpu", values: [fallback], from: PROFILER };
  return nothing("cpu", "unreadable", "sysctl machdep.cpu.brand_string failed");
}

/**
 * Memory range from `hw.memsize` (exact bytes), or the "16 GB" that `system_profiler` prints.
 *
 * @example
 * await readMacRam(source); // { kind: "ram", values: ["16GiB"] }
 */
export async function readMacRam(source: FingerprintSource): Promise<RawReading> {
  let bytes = Number(await readSysctl(source, "hw.memsize"));
  let from = "sysctl hw.memsize";
  if (!(bytes > 0)) {
    const printed = stringField((await readProfile(source))?.hardware[0], "physical_memory") ?? "";
    bytes = Number.parseFloat(printed) * (/TB/.test(printed) ? 1024 ** 4 : 1024 ** 3);
    from = PROFILER;
  }
  const bucket = ramBucket(bytes);
  if (bucket === undefined) {
    return nothing("ram", "unreadable", "neither sysctl nor system_profiler gave memory");
  }
  return { kind: "ram", values: [bucket], from };
}

/**
 * GPU models from `SPDisplaysDataType` (`sppci_model`).
 *
 * @example
 * gpuReading(profile); // { kind: "gpu", values: ["Intel UHD Graphics 630", "AMD Radeon Pro 5500M"] }
 */
export function gpuReading(profile: Profile | undefined): RawReading {
  if (profile === undefined) return nothing("gpu", "unreadable", "system_profiler failed");
  const values = profile.displays.flatMap((gpu) => {
    const model = stringField(gpu, "sppci_model") ?? stringField(gpu, "_name");
    return model === undefined ? [] : [model];
  });
  if (values.length === 0) return nothing("gpu", "not-found", "SPDisplaysDataType lists no GPU");
  return { kind: "gpu", values, from: "SPDisplaysDataType" };
}

/** Services on USB, Thunderbolt or Bluetooth adapters, or tethered phones: they come and go. */
const DETACHABLE_SERVICE = /iphone|ipad|android|usb|bluetooth|thunderbolt|tether|rndis/i;

const isBuiltInNic = (service: JsonRecord): boolean => {
  const name = stringField(service, "_name") ?? "";
  const bsdName = stringField(service, "interface") ?? "";
  const hardware = stringField(service, "hardware") ?? stringField(service, "type") ?? "";
  // Only en* interfaces carry hardware; bridge0, utun*, awdl0 and ppp0 are made by software.
  return (
    /^en\d+$/.test(bsdName) && /^(airport|ethernet|wi-fi)$/i.test(hardware) && !DETACHABLE_SERVICE.test(name)
  );
};

/**
 * MACs of built-in Wi-Fi and Ethernet from `SPNetworkDataType`, leaving out bridges, VPNs, USB and
 * Thunderbolt adapters and tethered phones.
 *
 * @example
 * macReading(profile); // { kind: "mac", values: ["a4:83:e7:1b:2c:3d"] }
 */
export function macReading(profile: Profile | undefined): RawReading {
  if (profile === undefined) return nothing("mac", "unreadable", "system_profiler failed");
  const values = profile.network.filter(isBuiltInNic).flatMap((service) => {
    const ethernet = service.Ethernet;
    const mac = stringField(
      typeof ethernet === "object" ? (ethernet as JsonRecord) : undefined,
      "MAC Address",
    );
    return mac === undefined ? [] : [mac];
  });
  if (values.length === 0) return nothing("mac", "not-found", "no built-in Wi-Fi or Ethernet service");
  return { kind: "mac", values, from: "SPNetworkDataType" };
}

/**
 * Serial of the internal drive: the lowest BSD name (`disk0`, which macOS gives the internal SSD) among
 * drives that are neither removable nor detachable.
 *
 * @example
 * diskReading(profile); // { kind: "disk", values: ["0ba01234e5f6a701"], from: "system_profiler disk0" }
 */
export function diskReading(profile: Profile | undefined): RawReading {
  if (profile === undefined) return nothing("disk", "unreadable", "system_profiler failed");
  const internal = profile.disks
    .filter((drive) => stringField(drive, "detachable_drive") !== "yes")
    .filter((drive) => stringField(drive, "removable_media") !== "yes")
    .sort((a, b) => (stringField(a, "bsd_name") ?? "~").localeCompare(stringField(b, "bsd_name") ?? "~"));
  const drive = internal[0];
  if (drive === undefined) return nothing("disk", "not-found", "no internal NVMe or SATA drive listed");
  const name = stringField(drive, "bsd_name") ?? "internal drive";
  return { kind: "disk", values: [stringField(drive, "device_serial") ?? ""], from: `${PROFILER} ${name}` };
}

/**
 * The `system_profiler` readings (GPU, MAC, disk) from one run of it, each guarded on its own.
 *
 * @example
 * const [gpu, mac, disk] = await readProfileKinds(source);
 */
export async function readProfileKinds(source: FingerprintSource): Promise<readonly RawReading[]> {
  const profile = await readProfile(source);
  return Promise.all([
    guardReading("gpu", async () => gpuReading(profile)),
    guardReading("mac", async () => macReading(profile)),
    guardReading("disk", async () => diskReading(profile)),
  ]);
}
