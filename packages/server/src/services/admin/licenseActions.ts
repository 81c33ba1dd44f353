import {
  decideSupportExtension,
  type EventType,
  fail,
  type License,
  type LicenseStatus,
  newId,
  ok,
  type Problem,
  type Result,
  type Role,
  SUPPORT_EXTENSION_DAYS,
  SUPPORT_EXTENSION_PERIOD_MS,
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
  decide: (license: License, tx: Repositories) => Change | Promise<Change>,
  after?: (tx: Repositories, license: License, at: string) => Promise<void>,
): Promise<Result<License>> {
  const at = deps.clock().toISOString();
  return deps.store.transaction(async (tx) => {
    const license = await tx.licenses.lockById(licenseId);
    if (!license) return fail("LICENSE_NOT_FOUND", { licenseId });
    const change = await decide(license, tx);
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

/**
 * Move a license's expiry (later to extend, `null` to make it perpetual). A revoked license stays revoked. An
 * admin may set any future expiry; support only a goodwill extension (`decideSupportExtension`), decided under
 * the license's lock from the support extensions in its timeline, so two at once cannot both pass.
 */
export function extendLicense(
  deps: ServerDeps,
  licenseId: string,
  expiresAt: string | null,
  by: { readonly actor: string; readonly role: Role },
  reason: string,
): Promise<Result<License>> {
  const now = deps.clock();
  if (expiresAt !== null && Date.parse(expiresAt) <= now.getTime()) {
    return Promise.resolve(fail("EXPIRY_IN_PAST", { expiresAt, now: now.toISOString() }));
  }
  const decideExtension = async (license: License, tx: Repositories): Promise<Change> => {
    if (license.status === "revoked") {
      return { code: "LICENSE_STATE_CONFLICT", params: { status: "revoked", action: "extend" } };
    }
    if (by.role !== "admin") {
      const refusal = await supportRefusal(tx, license, expiresAt, now);
      if (refusal) return refusal;
    }
    return {
      patch: { expiresAt },
      event: "license.extended",
      // A support extension says so: it is what the next one's 30 days count from.
      data: {
        from: license.expiresAt ?? null,
        to: expiresAt,
        ...(by.role === "admin" ? {} : { by: "support" }),
      },
      next: withField(license, "expiresAt", expiresAt),
    };
  };
  return changeLicense(deps, licenseId, by.actor, reason, decideExtension);
}

/** Why support may not give `license` this expiry, or `undefined` when the goodwill extension is within bounds. */
async function supportRefusal(
  tx: Repositories,
  license: License,
  requested: string | null,
  now: Date,
): Promise<Problem | undefined> {
  const since = new Date(now.getTime() - SUPPORT_EXTENSION_PERIOD_MS).toISOString();
  const earlier = await tx.events.listTypesSince(license.id, ["license.extended"], since);
  const decision = decideSupportExtension({
    currentExpiry: license.expiresAt,
    requested,
    supportExtensionsAt: earlier.filter((e) => e.data.by === "support").map((e) => e.createdAt),
    now,
  });
  if (decision.allowed) return undefined;
  const { why, latest, lastAt, nextAt } = decision;
  const days = SUPPORT_EXTENSION_DAYS;
  if (why === "recent") return { code: "SUPPORT_EXTENSION_TOO_SOON", params: { lastAt, nextAt, days } };
  const current = license.expiresAt ?? "—";
  return {
    code: "EXTENSION_BEYOND_SUPPORT_LIMIT",
    params: { why, latest, days, current, requested: requested ?? "—" },
  };
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
