import type { FingerprintSource } from "../source.js";

/**
 * A file's text trimmed, or `undefined` when absent or blank.
 *
 * @example
 * await readTrimmed(source, "/sys/class/dmi/id/sys_vendor"); // "LENOVO"
 */
export async function readTrimmed(source: FingerprintSource, path: string): Promise<string | undefined> {
  const text = (await source.readFile(path))?.trim();
  return text === "" ? undefined : text;
}

/**
 * `KEY=VALUE` lines (sysfs `uevent` files) as a map.
 *
 * @example
 * parseUevent("DRIVER=e1000e\nPCI_SLOT_NAME=0000:00:1f.6\n").get("DRIVER"); // "e1000e"
 */
export function parseUevent(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of text.split("\n")) {
    const at = line.indexOf("=");
    if (at > 0) entries.set(line.slice(0, at), line.slice(at + 1).trim());
  }
  return entries;
}

/**
 * The first value of each `key : value` line of a /proc file (`/proc/cpuinfo`, `/proc/meminfo`). The first
 * wins because /proc/cpuinfo repeats every key once per logical CPU.
 *
 * @example
 * parseColonFile("model name\t: AMD Ryzen 7 5800X\n").get("model name"); // "AMD Ryzen 7 5800X"
 */
export function parseColonFile(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of text.split("\n")) {
    const at = line.indexOf(":");
    if (at <= 0) continue;
    const key = line.slice(0, at).trim();
    if (!entries.has(key)) entries.set(key, line.slice(at + 1).trim());
  }
  return entries;
}
