import { execFile } from "node:child_process";

/**
 * A Windows registry value a vendor names for a preinstalled key, e.g.
 * `{ key: "HKLM\\SOFTWARE\\Acme\\Editor", value: "ProductKey" }`. `view` picks the 64- or 32-bit registry
 * (`/reg:64`, `/reg:32`) when an installer wrote to the other one.
 *
 * @example
 * const value: RegistryValue = { key: "HKLM\\SOFTWARE\\Acme\\Editor", value: "ProductKey", view: 64 };
 */
export interface RegistryValue {
  readonly key: string;
  readonly value: string;
  readonly view?: 32 | 64;
}

/**
 * Runs `reg query` and returns its standard output, or `undefined` when the key or value does not exist.
 * Injectable so the parsing is tested on recorded output and a test on Linux can play Windows.
 *
 * @example
 * const reader: RegistryReader = async () => "\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Acme\r\n    ProductKey    REG_SZ    JYTG9-X6CJ6-JGC3R-8V6Q9-48HP2\r\n";
 */
export type RegistryReader = (value: RegistryValue) => Promise<string | undefined>;

/** One line of a value in `reg query` output: four spaces, name, four spaces, type, four spaces, data. */
const VALUE_LINE = /^ {4}(.*?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

/** The names `reg` prints for a key's unnamed value, in English and Japanese Windows. */
const DEFAULT_NAMES = new Set(["(default)", "(既定)"]);

/**
 * Find a string value in the output of `reg query <key> /v <value>`. Only string types hold a key
 * (`REG_SZ`, `REG_EXPAND_SZ`; the first string of a `REG_MULTI_SZ`). Names compare case-insensitively, as
 * the registry does.
 *
 * @example
 * parseRegQuery("\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Acme\r\n    ProductKey    REG_SZ    JYTG9-X6CJ6-JGC3R-8V6Q9-48HP2\r\n", "ProductKey");
 * // "JYTG9-X6CJ6-JGC3R-8V6Q9-48HP2"
 */
export function parseRegQuery(output: string, valueName: string): string | undefined {
  const wanted = valueName.toLowerCase();
  for (const line of output.split(/\r?\n/)) {
    const match = VALUE_LINE.exec(line.trimEnd());
    if (!match) continue;
    const [, name = "", type = "", data = ""] = match;
    const sameName =
      name.toLowerCase() === wanted || (wanted === "" && DEFAULT_NAMES.has(name.toLowerCase()));
    if (!sameName) continue;
    if (type === "REG_SZ" || type === "REG_EXPAND_SZ") return data;
    // reg prints the strings of a REG_MULTI_SZ joined by a literal "\0".
    if (type === "REG_MULTI_SZ") return data.split("\\0")[0];
    return undefined;
  }
  return undefined;
}

/**
 * The real reader: `reg query` through `execFile` (no shell, so a vendor's key path is never interpreted),
 * with a deadline so a wedged registry never holds the app's first run.
 *
 * @example
 * const output = await readRegistryWithReg({ key: "HKLM\\SOFTWARE\\Acme\\Editor", value: "ProductKey" });
 */
export const readRegistryWithReg: RegistryReader = (value) =>
  new Promise((resolve) => {
    const args = ["query", value.key, ...(value.value === "" ? ["/ve"] : ["/v", value.value])];
    if (value.view !== undefined) args.push(`/reg:${value.view}`);
    execFile("reg", args, { timeout: 5_000, windowsHide: true, encoding: "utf8" }, (error, stdout) => {
      // reg exits 1 when the key or value is missing; either way there is no key to read.
      resolve(error ? undefined : stdout);
    });
  });
