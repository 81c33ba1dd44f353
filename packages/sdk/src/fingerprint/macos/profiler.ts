import { asRecord, type JsonRecord, parseJson, recordsOf } from "../json.js";
import type { FingerprintSource } from "../source.js";

/**
 * Arguments of the one `system_profiler` run: every data type in one call, as it takes a second or more
 * to start.
 *
 * @example
 * await source.exec("system_profiler", PROFILER_ARGS);
 */
export const PROFILER_ARGS = [
  "SPHardwareDataType",
  "SPDisplaysDataType",
  "SPNetworkDataType",
  "SPNVMeDataType",
  "SPSerialATADataType",
  "-json",
];

/**
 * The parsed output of `system_profiler`, one array of items per data type.
 *
 * @example
 * const profile: Profile = { hardware: [{ chip_type: "Apple M1 Pro" }], displays: [], network: [], disks: [] };
 */
export interface Profile {
  readonly hardware: readonly JsonRecord[];
  readonly displays: readonly JsonRecord[];
  readonly network: readonly JsonRecord[];
  /** Drives of every NVMe and SATA controller (the controllers' `_items`, flattened). */
  readonly disks: readonly JsonRecord[];
}

const drivesOf = (controllers: unknown): readonly JsonRecord[] =>
  recordsOf(controllers).flatMap((controller) =>
    controller._items === undefined ? [] : recordsOf(controller._items),
  );

/**
 * Run `system_profiler` once and split its JSON by data type; `undefined` when it failed or printed
 * something that is not JSON.
 *
 * @example
 * const profile = await readProfile(source);
 * profile?.hardware[0]?.serial_number; // "C02ZK0ABMD6T"
 */
export async function readProfile(source: FingerprintSource): Promise<Profile | undefined> {
  const root = asRecord(parseJson(await source.exec("system_profiler", PROFILER_ARGS)));
  if (root === undefined) return undefined;
  return {
    hardware: recordsOf(root.SPHardwareDataType ?? []),
    displays: recordsOf(root.SPDisplaysDataType ?? []),
    network: recordsOf(root.SPNetworkDataType ?? []),
    disks: [...drivesOf(root.SPNVMeDataType ?? []), ...drivesOf(root.SPSerialATADataType ?? [])],
  };
}
