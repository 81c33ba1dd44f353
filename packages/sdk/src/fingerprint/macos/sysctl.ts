import type { FingerprintSource } from "../source.js";

/**
 * One sysctl value, asked for by name alone (`sysctl -n name`): asking for several at once fails as a whole
 * when one of them is unknown to an older macOS.
 *
 * @example
 * await readSysctl(source, "hw.memsize"); // "17179869184"
 */
export async function readSysctl(source: FingerprintSource, name: string): Promise<string | undefined> {
  const value = (await source.exec("sysctl", ["-n", name]))?.trim();
  return value === "" ? undefined : value;
}
