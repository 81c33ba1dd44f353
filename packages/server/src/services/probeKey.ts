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
  const found = await findLicenseByKey(deps, typedKey);
  return found.ok ? { ok: true } : found;
}
