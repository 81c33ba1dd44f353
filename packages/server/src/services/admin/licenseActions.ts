import { type EventType, fail, type License, type LicenseStatus, newId, ok, type Result } from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";

/** The admin actions that change a license's status, and from which status each may start. */
const transitions = {
  suspend: { from: ["active"], to: "suspended", event: "license.suspended" },
  reinstate: { from: ["suspended"], to: "active", event: "license.reinstated" },
  revoke: { from: ["active", "suspended"], to: "revoked", event: "license.revoked" },
} as const satisfies Record<string, { from: readonly LicenseStatus[]; to: LicenseStatus; event: EventType }>;

export type StatusAction = keyof typeof transitions;

const actionWords: Record<StatusAction, { en: string; ja: string }> = {
  suspend: { en: "suspended", ja: "一時停止" },
  reinstate: { en: "reinstated", ja: "再開" },
  revoke: { en: "revoked", ja: "取り消し" },
};

/** Suspend, reinstate or revoke a license, with the actor and reason in its timeline. */
export async function changeStatus(
  deps: ServerDeps,
  licenseId: string,
  action: StatusAction,
  actor: string,
  reason: string,
): Promise<Result<License>> {
  const rule = transitions[action];
  const at = deps.clock().toISOString();
  return deps.store.transaction(async (tx) => {
    const license = await tx.licenses.lockById(licenseId);
    if (!license) return fail("LICENSE_NOT_FOUND", { licenseId });
    if (!(rule.from as readonly LicenseStatus[]).includes(license.status)) {
      return fail("LICENSE_STATE_CONFLICT", { status: license.status, action: actionWords[action] });
    }
    const statusReason = rule.to === "active" ? null : reason;
    await tx.licenses.update(licenseId, { status: rule.to, statusReason });
    await tx.events.append({
      id: newId("event"),
      licenseId,
      type: rule.event,
      actor,
      reason,
      data: { from: license.status, to: rule.to },
      createdAt: at,
    });
    const { statusReason: _old, ...rest } = license;
    return ok({ ...rest, status: rule.to, ...(statusReason === null ? {} : { statusReason }) });
  });
}

/** Move a license's expiry (later to extend, `null` to make it perpetual). A revoked license stays revoked. */
export async function extendLicense(
  deps: ServerDeps,
  licenseId: string,
  expiresAt: string | null,
  actor: string,
  reason: string,
): Promise<Result<License>> {
  const at = deps.clock().toISOString();
  return deps.store.transaction(async (tx) => {
    const license = await tx.licenses.lockById(licenseId);
    if (!license) return fail("LICENSE_NOT_FOUND", { licenseId });
    if (license.status === "revoked") {
      return fail("LICENSE_STATE_CONFLICT", { status: "revoked", action: { en: "extended", ja: "延長" } });
    }
    await tx.licenses.update(licenseId, { expiresAt });
    await tx.events.append({
      id: newId("event"),
      licenseId,
      type: "license.extended",
      actor,
      reason,
      data: { from: license.expiresAt ?? null, to: expiresAt },
      createdAt: at,
    });
    const { expiresAt: _old, ...rest } = license;
    return ok({ ...rest, ...(expiresAt === null ? {} : { expiresAt }) });
  });
}

/** Give a license to another owner account (support's "reassign"). */
export async function reassignOwner(
  deps: ServerDeps,
  licenseId: string,
  ownerEmail: string | null,
  actor: string,
  reason: string,
): Promise<Result<License>> {
  const at = deps.clock().toISOString();
  return deps.store.transaction(async (tx) => {
    const license = await tx.licenses.lockById(licenseId);
    if (!license) return fail("LICENSE_NOT_FOUND", { licenseId });
    await tx.licenses.update(licenseId, { ownerEmail });
    await tx.events.append({
      id: newId("event"),
      licenseId,
      type: "license.reassigned",
      actor,
      reason,
      data: { from: license.ownerEmail ?? null, to: ownerEmail },
      createdAt: at,
    });
    const { ownerEmail: _old, ...rest } = license;
    return ok({ ...rest, ...(ownerEmail === null ? {} : { ownerEmail: ownerEmail.toLowerCase() }) });
  });
}
