import type { InstallationOwner } from "@ninsho/contract";
import {
  dayDate,
  installationProofHolds,
  licenseState,
  ok,
  parseInstallationId,
  type Result,
} from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import { maskEmail, ownerOf } from "../../transfers/codes.js";
import { licenseByShortId, NOT_FOUND } from "./lookup.js";

/**
 * Whose license an installation ID belongs to, for support on the phone before a confirmation is issued: the
 * same checks as a confirmation (the ID's proof of its key, its product), so a made-up ID naming a real
 * license's short id is INSTALLATION_ID_NOT_FOUND like an unknown one and reveals no owner. The owner's
 * address is masked: the caller says it, support compares, and nobody reads it out to a stranger. Reads only.
 * @example
 * const found = await installationOwner(deps, "100012-345674-…");
 * if (found.ok) show(found.value.owner.email); // "a•••@example.jp"
 */
export async function installationOwner(deps: ServerDeps, text: string): Promise<Result<InstallationOwner>> {
  const parsed = parseInstallationId(text);
  if (!parsed.ok) return parsed;
  const iid = parsed.value;
  const [offlineKey, found] = await Promise.all([
    deps.store.offline.findKeyByNumber(iid.productNumber),
    licenseByShortId(deps, iid.licenseShortId),
  ]);
  if (!offlineKey || !found || !installationProofHolds(iid, found.key))
    return { ok: false, error: NOT_FOUND };
  const { license } = found;
  if (license.productId !== offlineKey.productId) return { ok: false, error: NOT_FOUND };
  const [owner, product] = await Promise.all([
    ownerOf(deps, license, "en"),
    deps.store.products.findById(license.productId),
  ]);
  return ok({
    license: {
      id: license.id,
      productId: license.productId,
      productName: product?.name ?? license.productId,
      state: licenseState(license, deps.clock()),
    },
    owner: owner.kind === "none" ? { kind: "none" } : { kind: owner.kind, email: maskEmail(owner.email) },
    requestDate: dayDate(iid.day),
  });
}
