import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Result, verifyVolumeGrant } from "@ninsho/core";
import { type RelayContext, relayContext } from "./context.js";
import { openRelayDb } from "./db.js";
import { loadRelayFiles, RELAY_FILES } from "./files.js";

/**
 * Open a relay on its data folder with a grant file: the grant must be signed by one of the vendor's keys the
 * folder trusts (RELAY_GRANT_INVALID when forged or altered), in force (RELAY_GRANT_NOT_YET_VALID,
 * RELAY_GRANT_EXPIRED), certify this relay's own key (RELAY_GRANT_INVALID: a grant made for another relay), and
 * the relay's records and clock must hold (`relayContext`). The database is closed again on a refusal.
 * @example
 * const ctx = openRelay({ dataDir: "/var/lib/ninsho-relay", grantFile: "plant4.grant" });
 */
export function openRelay(options: {
  readonly dataDir: string;
  readonly grantFile: string;
  readonly clock?: () => Date;
}): Result<RelayContext> {
  const keys = loadRelayFiles(options.dataDir);
  const grantText = readFileSync(options.grantFile, "utf8").trim();
  const grant = verifyVolumeGrant(grantText, keys.vendorKeys);
  if (!grant.ok) return grant;
  if (grant.value.rky.x !== keys.publicKey.x)
    return { ok: false, error: { code: "RELAY_GRANT_INVALID", params: { why: "claims" } } };
  const db = openRelayDb(join(options.dataDir, RELAY_FILES.database));
  const ctx = relayContext({
    db,
    grant: grant.value,
    grantText,
    keys,
    clock: options.clock ?? (() => new Date()),
  });
  if (!ctx.ok) db.close();
  return ctx;
}
