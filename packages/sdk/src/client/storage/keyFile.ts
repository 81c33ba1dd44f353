import { isRecord, parseProductKey } from "@ninsho/core";
import type { KeySource } from "../types.js";
import type { StoredState } from "./stateFile.js";

/**
 * The installed product key, kept in its own file (`product.key`) beside `state.json`, so a damaged or
 * rejected state file does not lose it. The key is no secret worth hiding from the machine's owner (the
 * lease, not the key, proves this machine's rights), so the file has no MAC: `state.json`'s key wins when
 * that file is sound, and this one is only read when it is not (or is gone).
 *
 * @example
 * const kept: KeptKey = { key: "JYTG9-X6CJ6-JGC3R-8V6Q9-48HP2", source: { kind: "installed" } };
 */
export interface KeptKey {
  readonly key: string;
  readonly source: KeySource;
}

const FORMAT = "ninsho-product-key/1";

const isKeySource = (v: unknown): v is KeySource => {
  if (!isRecord(v)) return false;
  switch (v.kind) {
    case "installed":
      return true;
    case "file":
      return typeof v.path === "string";
    case "env":
      return typeof v.name === "string";
    case "registry":
      return typeof v.key === "string" && typeof v.value === "string";
    default:
      return false;
  }
};

/**
 * The file's text.
 *
 * @example
 * await writeAtomic(join(dir, STATE_FILES.key), serializeKeptKey({ key, source: { kind: "installed" } }));
 */
export const serializeKeptKey = (kept: KeptKey): string =>
  `${JSON.stringify({ format: FORMAT, key: kept.key, source: kept.source }, null, 1)}\n`;

/**
 * Read the file back; `undefined` for anything that is not a well-formed product key (a damaged file is no
 * key, never a crash).
 *
 * @example
 * parseKeptKey(serializeKeptKey(kept)); // kept
 * parseKeptKey("{\"format\":"); // undefined
 */
export function parseKeptKey(text: string): KeptKey | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || value.format !== FORMAT || typeof value.key !== "string") return undefined;
  const parsed = parseProductKey(value.key);
  if (!parsed.ok || parsed.value !== value.key) return undefined;
  return { key: parsed.value, source: isKeySource(value.source) ? value.source : { kind: "installed" } };
}

/**
 * The key of a state as the file keeps it, if one is installed.
 *
 * @example
 * await store.saveKey(keptKeyOf(session.state)); // removes the file when no key is installed
 */
export const keptKeyOf = (state: StoredState): KeptKey | undefined =>
  state.key === undefined ? undefined : { key: state.key, source: state.keySource ?? { kind: "installed" } };

/**
 * Take the kept key into a state that has none (its file was damaged, rejected or lost). Returns `true` when
 * the file should be written: the state holds a key the file does not (a folder from before the file).
 *
 * @example
 * if (reconcileKeptKey(loaded.state, loaded.keptKey)) void store.saveKey(keptKeyOf(loaded.state));
 */
export function reconcileKeptKey(state: StoredState, kept: KeptKey | undefined): boolean {
  if (state.key === undefined) {
    if (kept) {
      state.key = kept.key;
      state.keySource = kept.source;
    }
    return false;
  }
  return kept?.key !== state.key;
}
