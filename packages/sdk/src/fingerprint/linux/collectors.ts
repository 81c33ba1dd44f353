import { type Collector, guardReading } from "../collector.js";
import { readBoard } from "./board.js";
import { readDisk } from "./disk.js";
import { readCpu, readGpu, readOsInstall, readRam } from "./hardware.js";
import { readAllMacs, readPhysicalMacs } from "./mac.js";

/**
 * The first Linux collector: system UUID, every non-loopback MAC, CPU model, memory range and machine-id.
 * Frozen: it exists so `linux/2` can rebuild the set that devices activated with it were stored under.
 *
 * @example
 * const readings = await linuxV1.read(nodeSource());
 */
export const linuxV1: Collector = {
  name: "linux/1",
  read: (source) =>
    Promise.all([
      guardReading("board", () => readBoard(source, ["product_uuid"])),
      guardReading("mac", () => readAllMacs(source)),
      guardReading("cpu", () => readCpu(source)),
      guardReading("ram", () => readRam(source)),
      guardReading("os-install", () => readOsInstall(source)),
    ]),
};

/**
 * The current Linux collector. Against `linux/1`: MACs only of physical NICs, by their burnt-in address;
 * board and system serials beside the UUID; the system disk's serial; GPU ids.
 *
 * @example
 * const readings = await linuxV2.read(nodeSource());
 */
export const linuxV2: Collector = {
  name: "linux/2",
  predecessor: linuxV1,
  read: (source) =>
    Promise.all([
      guardReading("board", () => readBoard(source, ["product_uuid", "board_serial", "product_serial"])),
      guardReading("mac", () => readPhysicalMacs(source)),
      guardReading("disk", () => readDisk(source)),
      guardReading("cpu", () => readCpu(source)),
      guardReading("gpu", () => readGpu(source)),
      guardReading("ram", () => readRam(source)),
      guardReading("os-install", () => readOsInstall(source)),
    ]),
};
