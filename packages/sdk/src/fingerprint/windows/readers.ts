import { nothing } from "../collector.js";
import { type JsonRecord, stringField } from "../json.js";
import { ramBucket } from "../ramBucket.js";
import type { FingerprintSource } from "../source.js";
import type { ComponentKind, RawReading } from "../types.js";
import type { CimSnapshot } from "./cim.js";

const fieldsOf = (records: readonly JsonRecord[], key: string): string[] =>
  records.flatMap((record) => {
    const value = stringField(record, key);
    return value === undefined ? [] : [value];
  });

const reading = (kind: ComponentKind, values: readonly string[], from: string, none: string): RawReading =>
  values.length === 0 ? nothing(kind, "not-found", none) : { kind, values, from };

/**
 * SMBIOS system UUID and serial (Win32_ComputerSystemProduct) and the board serial (Win32_BaseBoard).
 *
 * @example
 * boardReading(cim); // { kind: "board", values: ["4C4C4544-…", "7XJ5Q13", "/7XJ5Q13/CN…/"] }
 */
export function boardReading(cim: CimSnapshot): RawReading {
  const values = [...fieldsOf(cim.product, "UUID"), ...fieldsOf(cim.product, "IdentifyingNumber")];
  values.push(...fieldsOf(cim.baseBoard, "SerialNumber"));
  const from = "Win32_ComputerSystemProduct, Win32_BaseBoard";
  return reading("board", values, from, `${from} list no UUID or serial`);
}

/**
 * Processor names (one per socket; equal names collapse into one component).
 *
 * @example
 * cpuReading(cim); // { kind: "cpu", values: ["Intel(R) Core(TM) i7-10700 CPU @ 2.90GHz"] }
 */
export function cpuReading(cim: CimSnapshot): RawReading {
  return reading(
    "cpu",
    fieldsOf(cim.processors, "Name"),
    "Win32_Processor",
    "Win32_Processor lists no processor",
  );
}

/**
 * Serial of the disk holding the system drive, or of disk 0 where `Get-Partition` is missing.
 *
 * @example
 * diskReading(cim); // { kind: "disk", values: ["0025_3881_9140_5B6C."], from: "Win32_DiskDrive 0" }
 */
export function diskReading(cim: CimSnapshot): RawReading {
  const index = cim.systemDiskIndex ?? 0;
  const disk = cim.disks.find((candidate) => candidate.Index === index);
  if (disk === undefined) return nothing("disk", "not-found", `Win32_DiskDrive has no disk ${index}`);
  return {
    kind: "disk",
    values: [stringField(disk, "SerialNumber") ?? ""],
    from: `Win32_DiskDrive ${index}`,
  };
}

/** Enumerators of adapters that are software or detachable: root/software devices, USB, Bluetooth PAN. */
const NOT_BUILT_IN_BUS = /^(ROOT|SWD|USB|BTH|\{)/i;
/**
 * Drivers that report PhysicalAdapter=True although they are virtual (VPN, hypervisor host and capture
 * drivers). A Hyper-V guest's own "Microsoft Hyper-V Network Adapter" is its NIC and is kept.
 */
const VIRTUAL_NAME = /virtual|vpn|tap-|wireguard|wintun|loopback|miniport|npcap|tunnel/i;

/**
 * MACs of built-in adapters (PCI, or VMBus in a Hyper-V guest): Windows counts VPN and USB adapters as
 * "physical" too, so the bus and name decide.
 *
 * @example
 * macReading(cim); // { kind: "mac", values: ["3C:7C:3F:1A:2B:3C", "8C:8D:28:4E:5F:60"] }
 */
export function macReading(cim: CimSnapshot): RawReading {
  const builtIn = cim.adapters.filter(
    (adapter) =>
      !NOT_BUILT_IN_BUS.test(stringField(adapter, "PNPDeviceID") ?? "ROOT") &&
      !VIRTUAL_NAME.test(stringField(adapter, "Name") ?? ""),
  );
  const none = "no built-in adapter (only virtual, VPN, USB or Bluetooth ones)";
  return reading("mac", fieldsOf(builtIn, "MACAddress"), "Win32_NetworkAdapter", none);
}

/**
 * Memory range from the sum of module capacities.
 *
 * @example
 * ramReading(cim); // { kind: "ram", values: ["32GiB"] }
 */
export function ramReading(cim: CimSnapshot): RawReading {
  const bytes = fieldsOf(cim.memory, "Capacity").reduce((sum, capacity) => sum + Number(capacity), 0);
  const bucket = ramBucket(bytes);
  if (bucket === undefined) return nothing("ram", "not-found", "Win32_PhysicalMemory lists no module");
  return { kind: "ram", values: [bucket], from: "Win32_PhysicalMemory" };
}

/**
 * GPUs as PCI `VEN:DEV` ids from the PnP device id (as on Linux): a driver update renames the controller,
 * never its id. Virtual display adapters (remote desktop, streaming) are not on PCI and are left out.
 *
 * @example
 * gpuReading(cim); // { kind: "gpu", values: ["10DE:2484"] }
 */
export function gpuReading(cim: CimSnapshot): RawReading {
  const ids = fieldsOf(cim.video, "PNPDeviceID").flatMap((id) => {
    const match = /^PCI\\VEN_([0-9A-F]{4})&DEV_([0-9A-F]{4})/i.exec(id);
    return match ? [`${match[1]}:${match[2]}`] : [];
  });
  return reading("gpu", ids, "Win32_VideoController", "Win32_VideoController lists no PCI display adapter");
}

/**
 * The MachineGuid that Windows setup writes, read with reg.exe so it works where PowerShell is blocked.
 * `/reg:64` reads the 64-bit hive even from a 32-bit Node, which would otherwise see the WOW64 copy
 * that has no MachineGuid.
 *
 * @example
 * await readMachineGuid(source); // { kind: "os-install", values: ["8d1f0c2a-…"] }
 */
export async function readMachineGuid(source: FingerprintSource): Promise<RawReading> {
  const key = "HKLM\\SOFTWARE\\Microsoft\\Cryptography";
  const output = await source.exec("reg.exe", ["query", key, "/v", "MachineGuid", "/reg:64"]);
  const guid = /MachineGuid\s+REG_SZ\s+(\S+)/.exec(output ?? "")?.[1];
  if (guid === undefined) return nothing("os-install", "unreadable", `reg query ${key} MachineGuid failed`);
  return { kind: "os-install", values: [guid], from: "MachineGuid" };
}
