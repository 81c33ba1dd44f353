import { type Collector, guardReading, nothing } from "../collector.js";
import type { ComponentKind, RawReading } from "../types.js";
import { type CimSnapshot, readCim } from "./cim.js";
import {
  boardReading,
  cpuReading,
  diskReading,
  gpuReading,
  macReading,
  ramReading,
  readMachineGuid,
} from "./readers.js";

const CIM_READERS: readonly (readonly [ComponentKind, (cim: CimSnapshot) => RawReading])[] = [
  ["board", boardReading],
  ["cpu", cpuReading],
  ["disk", diskReading],
  ["mac", macReading],
  ["ram", ramReading],
  ["gpu", gpuReading],
];

/**
 * The Windows collector: SMBIOS UUID and serials, system disk serial, built-in adapter MACs, MachineGuid,
 * CPU name, memory range and GPU ids, from one PowerShell CIM query and one registry read.
 *
 * @example
 * const readings = await windowsV1.read(nodeSource());
 */
export const windowsV1: Collector = {
  name: "windows/1",
  read: async (source) => {
    const [cim, install] = await Promise.all([
      readCim(source),
      guardReading("os-install", () => readMachineGuid(source)),
    ]);
    const fromCim = await Promise.all(
      CIM_READERS.map(([kind, read]) =>
        guardReading(kind, async () =>
          cim === undefined
            ? nothing(kind, "unreadable", "PowerShell Get-CimInstance failed or is blocked")
            : read(cim),
        ),
      ),
    );
    return [...fromCim, install];
  },
};
