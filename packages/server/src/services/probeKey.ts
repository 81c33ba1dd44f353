import type { License, Result } from "@ninsho/core";
import type { ServerDeps } from "../deps.js";
import type { Probe } from "../http/keyGuard.js";
import { findLicenseByKey } from "./licenseByKey.js";

/**
 * Does a typed key name a license? One indexed lookup of the key's HMAC, before any other work, so the
 * guessing limits can tell a valid key (never counted) from a guess (counted).
 * @example
 * await guardKeyLookup(deps, c, () => probeKey(deps, body.key), () => activate(deps, body));
 */
export async function probeKey(deps: ServerDeps, typedKey: string): Promise<Probe> {
  return asProbe(await findLicenseByKey(deps, typedKey));
}

const asProbe = (found: Result<License>): Probe => (found.ok ? { ok: true } : found);

/**
 * One request's lookup of a typed key, made once: the probe before the guessing limits and the work after
 * them share it (parsing, the HMAC and the indexed read were done twice per activation). The license is read
 * outside any transaction, as the work read it before; the work still locks and re-reads its row.
 * @example
 * const lookup = keyLookupOnce(deps, body.key);
 * await guardKeyLookup(deps, c, lookup.probe, () => activate(deps, request, lookup.found));
 */
export function keyLookupOnce(
  deps: ServerDeps,
  typedKey: string,
): { readonly probe: () => Promise<Probe>; readonly found: () => Promise<Result<License>> } {
  let pending: Promise<Result<License>> | undefined;
  const found = () => {
    pending ??= findLicenseByKey(deps, typedKey);
    return pending;
  };
  return { probe: async () => asProbe(await found()), found };
}
