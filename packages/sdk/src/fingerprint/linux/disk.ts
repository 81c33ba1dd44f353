import { nothing } from "../collector.js";
import type { FingerprintSource } from "../source.js";
import type { RawReading } from "../types.js";
import { readTrimmed } from "./sysfs.js";

interface BlockDevice {
  readonly name?: unknown;
  readonly type?: unknown;
  readonly serial?: unknown;
  readonly mountpoint?: unknown;
  readonly children?: unknown;
}

const LSBLK_ARGS = ["-J", "-o", "NAME,TYPE,SERIAL,MOUNTPOINT"];

const devicesOf = (value: unknown): readonly BlockDevice[] =>
  Array.isArray(value)
    ? value.filter((item): item is BlockDevice => typeof item === "object" && item !== null)
    : [];

/** Whether "/" is mounted anywhere below (partition, LUKS mapping, LVM volume: all nest in lsblk's tree). */
const holdsRoot = (device: BlockDevice): boolean =>
  device.mountpoint === "/" || devicesOf(device.children).some(holdsRoot);

/** The serial of the disk that holds "/", from lsblk (which reads udev's database, open to every user). */
const serialFromLsblk = async (source: FingerprintSource) => {
  const output = await source.exec("lsblk", LSBLK_ARGS);
  if (output === undefined) return undefined;
  let tree: { blockdevices?: unknown };
  try {
    tree = JSON.parse(output) as { blockdevices?: unknown };
  } catch {
    return undefined;
  }
  const disk = devicesOf(tree.blockdevices).find((device) => device.type === "disk" && holdsRoot(device));
  if (disk === undefined) return { name: undefined, serial: undefined };
  return {
    name: typeof disk.name === "string" ? disk.name : undefined,
    serial: typeof disk.serial === "string" ? disk.serial : undefined,
  };
};

/** Disks that are never the system disk: loop files, RAM disks, compressed swap, optical drives. */
const NOT_SYSTEM_DISKS = /^(loop|ram|zram|sr|fd|dm-|md|nbd)/;

/**
 * Without lsblk (busybox systems): the disk whose partition /proc/self/mountinfo names as "/", else the
 * only real disk. NVMe and virtio expose a `serial` file; SATA serials need lsblk or root.
 */
const serialFromSysfs = async (source: FingerprintSource) => {
  const disks = ((await source.readdir("/sys/block")) ?? []).filter((name) => !NOT_SYSTEM_DISKS.test(name));
  const mountinfo = (await source.readFile("/proc/self/mountinfo")) ?? "";
  // Fields: id parent major:minor root mount-point options … - fstype source super-options.
  const rootLine = mountinfo.split("\n").find((line) => line.split(" ")[4] === "/");
  const rootSource = rootLine
    ?.split(" - ")[1]
    ?.split(" ")[1]
    ?.replace(/^\/dev\//, "");
  let disk = disks.length === 1 ? disks[0] : undefined;
  for (const candidate of disks) {
    const partitions = (await source.readdir(`/sys/block/${candidate}`)) ?? [];
    if (rootSource === candidate || (rootSource !== undefined && partitions.includes(rootSource))) {
      disk = candidate;
    }
  }
  if (disk === undefined) return undefined;
  const serial =
    (await readTrimmed(source, `/sys/block/${disk}/device/serial`)) ??
    (await readTrimmed(source, `/sys/block/${disk}/serial`));
  return { name: disk, serial };
};

/**
 * The serial of the system disk (the one holding "/"). Other disks are left out: an external or secondary
 * drive is swapped without the machine changing.
 *
 * @example
 * await readDisk(source); // { kind: "disk", values: ["S4EWNX0R123456"], from: "lsblk (nvme0n1)" }
 */
export async function readDisk(source: FingerprintSource): Promise<RawReading> {
  const found = (await serialFromLsblk(source)) ?? (await serialFromSysfs(source));
  if (found === undefined) {
    return nothing("disk", "unreadable", "lsblk failed and /sys/block names no system disk");
  }
  if (found.name === undefined) return nothing("disk", "not-found", "no disk holds the root filesystem");
  return { kind: "disk", values: [found.serial ?? ""], from: `system disk ${found.name}` };
}
