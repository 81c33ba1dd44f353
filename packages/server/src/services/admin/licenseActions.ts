import {
  type EventType,
  fail,
  type License,
  type LicenseStatus,
  newId,
  ok,
  type Problem,
  type Result,
} from "@ninsho/core";
import type { LicensePatch, Repositories } from "@ninsho/store";
import type { ServerDeps } from "../../deps.js";
import { recordAudit } from "./audit.js";
import { releaseBase } from "./channelActions.js";

/** The admin actions that change a license's status, and from which status each may start. */
const transitions = {
  suspend: { from: ["active"], to: "suspended", event: "license.suspended" },
  reinstate: { from: ["suspended"], to: "active", event: "license.reinstated" },
  revoke: { from: ["active", "suspended"], to: "revoked", event: "license.revoked" },
} as const satisfies Record<string, { from: readonly LicenseStatus[]; to: LicenseStatus; event: EventType }>;

export type StatusAction = keyof typeof transitions;

/** What one admin action does to a license it has read under lock, or why it refuses. */
export type Change =
  | { patch: LicensePatch; event: EventType; data: Record<string, unknown>; next: License }
  | Problem;

/**
 * The shape every admin action on a license shares: lock the row, decide, write the change, its timeline
 * entry and its audit entry in the same transaction, and answer the license as it now is.
 */
export async function changeLicense(
  deps: ServerDeps,
  licenseId: string,
  actor: string,
  reason: string,
  decide: (license: License) => Change,
  after?: (tx: Repositories, license: License, at: string) => Promise<void>,
): Promise<Result<License>> {
  const at = deps.clock().toISOString();
  return deps.store.transaction(async (tx) => {
    const license = await tx.licenses.lockById(licenseId);
    if (!license) return fail("LICENSE_NOT_FOUND", { licenseId });
    const change = decide(license);
    if ("code" in change) return { ok: false, error: change };
    await tx.licenses.update(licenseId, change.patch);
    await tx.events.append({
      id: newId("event"),
      licenseId,
      type: change.event,
      actor,
      reason,
      data: change.data,
      createdAt: at,
    });
    await recordAudit(tx, { type: change.event, actor, target: licenseId, reason, data: change.data, at });
    if (after) await after(tx, change.next, at);
    return ok(change.next);
  });
}

type OptionalField = "statusReason" | "expiresAt" | "ownerEmail";
const optionalFields: readonly OptionalField[] = ["statusReason", "expiresAt", "ownerEmail"];

/** `license` with one optional field set, or removed when `value` is null. */
function withField(license: License, key: OptionalField, value: string | null): License {
  const { statusReason, expiresAt, ownerEmail, ...rest } = license;
  const current: Record<OptionalField, string | undefined> = { statusReason, expiresAt, ownerEmail };
  current[key] = value ?? undefined;
  const present: { -readonly [P in OptionalField]?: string } = {};
  for (const field of optionalFields) {
    const v = current[field];
    if (v !== undefined) present[field] = v;
  }
  return { ...rest, ...present };
}

/** Suspend, reinstate or revoke a license, with the actor and reason in its timeline. */
export function changeStatus(
  deps: ServerDeps,
  licenseId: string,
  action: StatusAction,
  actor: string,
  reason: string,
): Promise<Result<License>> {
  const rule = transitions[action];
  // A revoked upgrade gives its base back (story 7: a right paid for is never lost with the upgrade).
  const after =
    action === "revoke"
      ? (tx: Repositories, license: License, at: string) => releaseBase(tx, license, actor, reason, at)
      : undefined;
  const decideStatus = (license: License): Change => {
    if (!(rule.from as readonly LicenseStatus[]).includes(license.status)) {
      return {
        code: "LICENSE_STATE_CONFLICT",
        params: { status: license.status, action },
      };
    }
    const statusReason = rule.to === "active" ? null : reason;
    return {
      patch: { status: rule.to, statusReason },
      event: rule.event,
      data: { from: license.status, to: rule.to },
      next: { ...withField(license, "statusReason", statusReason), status: rule.to },
    };
  };
  return changeLicense(deps, licenseId, actor, reason, decideStatus, after);
}

/** Move a license's expiry (later to extend, `null` to make it perpetual). A revoked license stays revoked. */
export function extendLicense(
  deps: ServerDeps,
  licenseId: string,
  expiresAt: string | null,
  actor: string,
  reason: string,
): Promise<Result<License>> {
  const now = deps.clock();
  if (expiresAt !== null && Date.parse(expiresAt) <= now.getTime()) {
    return Promise.resolve(fail("EXPIRY_IN_PAST", { expiresAt, now: now.toISOString() }));
  }
  return changeLicense(deps, licenseId, actor, reason, (license) =>
    license.status === "revoked"
      ? {
          code: "LICENSE_STATE_CONFLICT",
          params: { status: "revoked", action: "extend" },
        }
      : {
          patch: { expiresAt },
          event: "license.extended",
          data: { from: license.expiresAt ?? null, to: expiresAt },
          next: withField(license, "expiresAt", expiresAt),
        },
  );
}

/** Give a license to another owner account (support's "reassign"). */
export function reassignOwner(
  deps: ServerDeps,
  licenseId: string,
  ownerEmail: string | null,
  actor: string,
  reason: string,
): Promise<Result<License>> {
  return changeLicense(deps, licenseId, actor, reason, (license) => ({
    patch: { ownerEmail },
    event: "license.reassigned",
    data: { from: license.ownerEmail ?? null, to: ownerEmail },
    next: withField(license, "ownerEmail", ownerEmail?.toLowerCase() ?? null),
  }));
}
