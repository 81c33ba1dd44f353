import type { FingerprintSource } from "../source.js";

/**
 * Properties of `ioreg -rd1 -c IOPlatformExpertDevice`, by name. Strings print as `"IOPlatformUUID" = "…"`;
 * device-tree data that holds text prints as `"model" = <"MacBookPro18,3">`; the first quoted string is
 * taken from either form, and binary data (`<4a3100…>`) is left out.
 *
 * @example
 * parseIoreg('    "IOPlatformSerialNumber" = "C02ZK0ABMD6T"\n').get("IOPlatformSerialNumber"); // "C02ZK0ABMD6T"
 */
export function parseIoreg(text: string): Map<string, string> {
  const properties = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^\s*"([^"]+)" = <?"([^"]*)"/.exec(line);
    const [, name, value] = match ?? [];
    if (name !== undefined && value !== undefined && !properties.has(name)) properties.set(name, value);
  }
  return properties;
}

/**
 * Run `ioreg` for the platform expert device and parse it; empty when `ioreg` failed.
 *
 * @example
 * (await readPlatformExpert(source)).get("IOPlatformUUID"); // "7C3D9A2E-…"
 */
export async function readPlatformExpert(source: FingerprintSource): Promise<Map<string, string>> {
  const output = await source.exec("ioreg", ["-rd1", "-c", "IOPlatformExpertDevice"]);
  return parseIoreg(output ?? "");
}
