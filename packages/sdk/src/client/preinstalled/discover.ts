import { type ProductKey, parseProductKey } from "@ninsho/core";
import { type ProblemSeed, seed } from "../problem.js";
import { readOptional } from "../storage/files.js";
import type { KeySource } from "../types.js";
import { parseRegQuery, type RegistryReader, type RegistryValue } from "./registry.js";

/**
 * Where a vendor or OEM may have placed a key for the SDK to find at first run, so a preinstalled machine
 * activates with nothing typed: files, environment variables (vendor-named), and Windows registry values.
 * They are tried in that order, each list in its order; the first well-formed key wins.
 *
 * @example
 * createClient({
 *   ...options,
 *   preinstalledKey: {
 *     file: "/etc/acme/product.key",
 *     env: "ACME_PRODUCT_KEY",
 *     registry: { key: "HKLM\\SOFTWARE\\Acme\\Editor", value: "ProductKey" },
 *   },
 * });
 */
export interface PreinstalledKeyOptions {
  readonly file?: string | readonly string[];
  readonly env?: string | readonly string[];
  readonly registry?: RegistryValue | readonly RegistryValue[];
}

/**
 * What the search found: a key and where it was, or a malformed key and where it was (so the status can say
 * which group of which preinstalled key has a typo).
 *
 * @example
 * const found = await discoverPreinstalledKey({ env: "ACME_PRODUCT_KEY" }, { env: process.env, platform: process.platform, readRegistry });
 * if (found?.ok) console.log(found.source);
 */
export type Discovery =
  | { readonly ok: true; readonly key: ProductKey; readonly source: KeySource }
  | { readonly ok: false; readonly source: KeySource; readonly problem: ProblemSeed };

/**
 * The machine a search looks at; injectable for tests.
 *
 * @example
 * const context: DiscoveryContext = { env: process.env, platform: process.platform, readRegistry: readRegistryWithReg };
 */
export interface DiscoveryContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: string;
  readonly readRegistry: RegistryReader;
}

const list = <T>(value: T | readonly T[] | undefined): readonly T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value as T];

/** A key file may carry comments and a trailing newline: the first line that is not either is the key. */
const firstKeyLine = (text: string): string | undefined =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== "" && !line.startsWith("#"));

async function* candidates(options: PreinstalledKeyOptions, context: DiscoveryContext) {
  for (const path of list(options.file)) {
    const read = await readOptional(path);
    const text = read.kind === "text" ? firstKeyLine(read.text.slice(0, 4096)) : undefined;
    if (text !== undefined) yield { text, source: { kind: "file", path } as const };
  }
  for (const name of list(options.env)) {
    const text = context.env[name]?.trim();
    if (text) yield { text, source: { kind: "env", name } as const };
  }
  if (context.platform !== "win32") return;
  for (const value of list(options.registry)) {
    const output = await context.readRegistry(value).catch(() => undefined);
    const text = output === undefined ? undefined : parseRegQuery(output, value.value)?.trim();
    if (text) yield { text, source: { kind: "registry", key: value.key, value: value.value } as const };
  }
}

/**
 * Look for a preinstalled key. Never throws: a missing file, variable or registry value is simply not there.
 *
 * @example
 * const found = await discoverPreinstalledKey({ file: "/etc/acme/product.key" }, context);
 */
export async function discoverPreinstalledKey(
  options: PreinstalledKeyOptions,
  context: DiscoveryContext,
): Promise<Discovery | undefined> {
  let firstMalformed: Discovery | undefined;
  for await (const { text, source } of candidates(options, context)) {
    const parsed = parseProductKey(text);
    if (parsed.ok) return { ok: true, key: parsed.value, source };
    firstMalformed ??= {
      ok: false,
      source,
      problem: seed(parsed.error.code, parsed.error.params, parsed.error.details),
    };
  }
  return firstMalformed;
}
