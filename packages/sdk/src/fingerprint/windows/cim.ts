import { asRecord, type JsonRecord, parseJson, recordsOf } from "../json.js";
import type { FingerprintSource } from "../source.js";

/**
 * One PowerShell run for every CIM class: PowerShell takes a second or more to start. Errors are silenced
 * so a class that fails (WMI repository damage, a policy) leaves its field empty instead of failing the
 * run. `Get-Partition` finds the disk that holds the system drive; Windows 7 lacks it and the field is empty.
 *
 * @example
 * console.log(CIM_SCRIPT); // the PowerShell that POWERSHELL_ARGS carries, readable for a security review
 */
export const CIM_SCRIPT = [
  "$ErrorActionPreference = 'SilentlyContinue'",
  "[Console]::OutputEncoding = [Text.Encoding]::UTF8",
  "[pscustomobject]@{",
  "  ComputerSystemProduct = Get-CimInstance Win32_ComputerSystemProduct | Select-Object UUID, IdentifyingNumber, Vendor, Name",
  "  BaseBoard = Get-CimInstance Win32_BaseBoard | Select-Object SerialNumber, Manufacturer, Product",
  "  Processor = @(Get-CimInstance Win32_Processor | Select-Object Name)",
  "  DiskDrive = @(Get-CimInstance Win32_DiskDrive | Select-Object Index, SerialNumber, Model, PNPDeviceID)",
  "  SystemDiskIndex = (Get-Partition -DriveLetter $env:SystemDrive.TrimEnd(':') | Select-Object -First 1).DiskNumber",
  "  NetworkAdapter = @(Get-CimInstance Win32_NetworkAdapter -Filter 'PhysicalAdapter=True' | Select-Object Name, MACAddress, PNPDeviceID)",
  "  PhysicalMemory = @(Get-CimInstance Win32_PhysicalMemory | Select-Object Capacity)",
  "  VideoController = @(Get-CimInstance Win32_VideoController | Select-Object Name, PNPDeviceID)",
  "  ContainerType = (Get-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Control' -Name ContainerType).ContainerType",
  "} | ConvertTo-Json -Depth 3",
].join("\n");

/**
 * The script travels base64-encoded as UTF-16LE (`-EncodedCommand`): Windows re-parses a command line
 * argument by argument, and an encoded script cannot be split or unquoted on the way.
 *
 * @example
 * execFile("powershell.exe", POWERSHELL_ARGS);
 */
export const POWERSHELL_ARGS: readonly string[] = [
  "-NoProfile",
  "-NonInteractive",
  "-EncodedCommand",
  Buffer.from(CIM_SCRIPT, "utf16le").toString("base64"),
];

/**
 * The CIM classes the collector reads, each as a list of records (a class may have several instances).
 *
 * @example
 * const cim: CimSnapshot = { product: [{ UUID: "4C4C4544-…" }], baseBoard: [], processors: [], disks: [],
 *   systemDiskIndex: 0, adapters: [], memory: [], video: [], containerType: undefined };
 */
export interface CimSnapshot {
  readonly product: readonly JsonRecord[];
  readonly baseBoard: readonly JsonRecord[];
  readonly processors: readonly JsonRecord[];
  readonly disks: readonly JsonRecord[];
  readonly systemDiskIndex: number | undefined;
  readonly adapters: readonly JsonRecord[];
  readonly memory: readonly JsonRecord[];
  readonly video: readonly JsonRecord[];
  readonly containerType: number | undefined;
}

const numberOrUndefined = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;

/**
 * Run the CIM script and parse its JSON; `undefined` when PowerShell is missing, blocked or timed out.
 *
 * @example
 * const cim = await readCim(source);
 * cim?.product[0]?.UUID; // "4C4C4544-0037-5810-8035-B7C04F513133"
 */
export async function readCim(source: FingerprintSource): Promise<CimSnapshot | undefined> {
  const root = asRecord(parseJson(await source.exec("powershell.exe", POWERSHELL_ARGS)));
  if (root === undefined) return undefined;
  // A null property (a class that failed) becomes an empty list, never a record of nothing.
  const list = (value: unknown) => (value === null || value === undefined ? [] : recordsOf(value));
  return {
    product: list(root.ComputerSystemProduct),
    baseBoard: list(root.BaseBoard),
    processors: list(root.Processor),
    disks: list(root.DiskDrive),
    systemDiskIndex: numberOrUndefined(root.SystemDiskIndex),
    adapters: list(root.NetworkAdapter),
    memory: list(root.PhysicalMemory),
    video: list(root.VideoController),
    containerType: numberOrUndefined(root.ContainerType),
  };
}
