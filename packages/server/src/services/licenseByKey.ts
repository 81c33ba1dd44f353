import { fail, keyLookupDigest, type License, ok, parseProductKey, type Result } from "@ninsho/core";
import type { ServerDeps } from "../deps.js";

/**
 * The one place a license is found by what a person typed: the key is parsed (forgiving case, spaces and
 * dashes), and looked up by its keyed digest; malformed and unknown keys are refused before any lock is taken.
 * @example
 * const found = await findLicenseByKey(deps, "bcdfg hjkmp qrtvw xy234 6789b");
 * if (!found.ok) return found; // KEY_MALFORMED or KEY_NOT_FOUND
 */
export async function findLicenseByKey(deps: ServerDeps, typedKey: string): Promise<Result<License>> {
  const parsed = parseProductKey(typedKey);
  if (!parsed.ok) return parsed;
  const license = await deps.store.licenses.findByKeyDigest(keyLookupDigest(deps.secrets, parsed.value));
  return license ? ok(license) : fail("KEY_NOT_FOUND");
}
