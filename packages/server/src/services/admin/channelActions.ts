import { boundKindOf, changeEntitlements, fail, type License, newId, ok, type Result } from "@ninsho/core";
import type { Repositories } from "@ninsho/store";
import type { ServerDeps } from "../../deps.js";

/**
 * Support records a warranty repair on an OEM or bundle license: the machine that held it is deactivated (its
 * bound part is gone) and the next activation binds the license to the repaired machine's new part, once.
 * Anything else is refused: WARRANTY_REPAIR_NOT_APPLICABLE on an unbound channel, LICENSE_STATE_CONFLICT on a
 * revoked license.
 * @example
 * await recordWarrantyRepair(deps, "lic_…", "token:tok_…", "board replaced under warranty, RMA 4411");
 */
export async function recordWarrantyRepair(
  deps: ServerDeps,
  licenseId: string,
  actor: string,
  reason: string,
): Promise<Result<License>> {
  const at = deps.clock().toISOString();
  return deps.store.transaction(async (tx) => {
    const license = await tx.licenses.lockById(licenseId);
    if (!license) return fail("LICENSE_NOT_FOUND", { licenseId });
    const policy = await deps.policies.get(license.policyId);
    if (!policy) throw new Error(`license ${license.id} has no policy`);
    if (boundKindOf(policy) === undefined)
      return fail("WARRANTY_REPAIR_NOT_APPLICABLE", { channel: policy.channel });
    if (license.status === "revoked")
      return fail("LICENSE_STATE_CONFLICT", { status: license.status, action: "warranty-repair" });
    const repair = { at, actor, reason };
    const replaced = await tx.devices.listActive(license.id);
    for (const device of replaced) {
      await tx.devices.update(device.id, { deactivatedAt: at });
      await tx.events.append({
        id: newId("event"),
        licenseId,
        type: "device.deactivated",
        actor,
        reason,
        data: { deviceId: device.id, name: device.name, warrantyRepair: true },
        createdAt: at,
      });
    }
    await tx.licenses.update(licenseId, { warrantyRepair: repair });
    const data = { kind: license.boundComponent?.kind ?? null, deactivated: replaced.map((d) => d.id) };
    await tx.events.append({
      id: newId("event"),
      licenseId,
      type: "license.warranty_repair",
      actor,
      reason,
      data,
      createdAt: at,
    });
    return ok({ ...license, warrantyRepair: repair });
  });
}

/**
 * Add features to a license or remove them from it, on top of its policy's (see `changeEntitlements`). Devices
 * get them with their next lease.
 * @example
 * await changeLicenseEntitlements(deps, "lic_…", { add: ["export"], remove: [] }, "token:tok_…", "add-on");
 */
export async function changeLicenseEntitlements(
  deps: ServerDeps,
  licenseId: string,
  change: { readonly add: readonly string[]; readonly remove: readonly string[] },
  actor: string,
  reason: string,
): Promise<Result<License>> {
  const at = deps.clock().toISOString();
  return deps.store.transaction(async (tx) => {
    const license = await tx.licenses.lockById(licenseId);
    if (!license) return fail("LICENSE_NOT_FOUND", { licenseId });
    const next = changeEntitlements(license.entitlementChanges, change.add, change.remove);
    await tx.licenses.update(licenseId, { entitlementChanges: next ?? null });
    await tx.events.append({
      id: newId("event"),
      licenseId,
      type: "license.entitlements_changed",
      actor,
      reason,
      data: { from: license.entitlementChanges ?? null, to: next ?? null },
      createdAt: at,
    });
    const { entitlementChanges: _old, ...rest } = license;
    return ok(next === undefined ? rest : { ...rest, entitlementChanges: next });
  });
}

/**
 * Give an upgrade's base back (the upgrade was revoked or refunded): the base works by itself again. In the
 * caller's transaction, which holds the upgrade's lock; nothing happens for a license that consumed no base.
 * @example
 * await releaseBase(tx, upgrade, "token:tok_…", "refunded", now.toISOString());
 */
export async function releaseBase(
  tx: Repositories,
  upgrade: License,
  actor: string,
  reason: string,
  at: string,
): Promise<void> {
  if (upgrade.baseLicenseId === undefined) return;
  const base = await tx.licenses.lockById(upgrade.baseLicenseId);
  if (base?.consumedBy !== upgrade.id) return;
  await tx.licenses.update(base.id, { consumedBy: null });
  for (const licenseId of [base.id, upgrade.id]) {
    await tx.events.append({
      id: newId("event"),
      licenseId,
      type: "license.base_released",
      actor,
      reason,
      data: { baseLicenseId: base.id, upgradeLicenseId: upgrade.id },
      createdAt: at,
    });
  }
}
