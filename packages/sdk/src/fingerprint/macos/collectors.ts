import { type Collector, guardReading } from "../collector.js";
import { readMacBoard, readMacCpu, readMacInstall, readMacRam, readProfileKinds } from "./readers.js";

/**
 * The macOS collector: serial number, internal drive serial, built-in NIC MACs, IOPlatformUUID, CPU brand,
 * memory range and GPU models, from `ioreg`, `system_profiler` and `sysctl`.
 *
 * @example
 * const readings = await macosV1.read(nodeSource());
 */
export const macosV1: Collector = {
  name: "macos/1",
  read: async (source) => {
    const [singles, profiled] = await Promise.all([
      Promise.all([
        guardReading("board", () => readMacBoard(source)),
        guardReading("os-install", () => readMacInstall(source)),
        guardReading("cpu", () => readMacCpu(source)),
        guardReading("ram", () => readMacRam(source)),
      ]),
      readProfileKinds(source),
    ]);
    return [...singles, ...profiled];
  },
};
