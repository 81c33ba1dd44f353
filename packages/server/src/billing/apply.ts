import { applyBilling, type BillingFact, fail, type License, newId, ok, type Result } from "@ninsho/core";
import type { ServerDeps } from "../deps.js";
import { releaseBase } from "../services/admin/channelActions.js";
import type { BillingSource } from "./secrets.js";

/** What happened to one billing event: applied, a repeat of one applied before, or not applicable. */
export interface BillingOutcome {
  readonly applied: boolean;
  readonly duplicate: boolean;
  /** Why it changed nothing (e.g. LICENSE_STATE_CONFLICT for a revoked license). */
  readonly code?: string;
  readonly license?: License;
}

/**
 * Apply one billing event to its license, once: the event id is recorded in the same transaction as the change
 * (a sender retrying or replaying it changes nothing again). The decision is core's `applyBilling`; the timeline
 * entry names the sender and its event id. A license revoked meanwhile is left as it is (recorded, not applied),
 * so the sender stops retrying.
 * @example
 * await applyBillingEvent(deps, "stripe", "evt_1Q…", "lic_…", { kind: "canceled", periodEnd });
 */
export async function applyBillingEvent(
  deps: ServerDeps,
  source: BillingSource,
  eventId: string,
  licenseId: string,
  fact: BillingFact,
): Promise<Result<BillingOutcome>> {
  const now = deps.clock();
  const at = now.toISOString();
  return deps.store.transaction(async (tx): Promise<Result<BillingOutcome>> => {
    const license = await tx.licenses.lockById(licenseId);
    if (!license) return fail("LICENSE_NOT_FOUND", { licenseId });
    const id = `${source}:${eventId}`;
    if (!(await tx.billingEvents.insertIfAbsent({ id, licenseId, kind: fact.kind, at }))) {
      return ok({ applied: false, duplicate: true });
    }
    const change = applyBilling(license, fact, now, (await deps.policies.get(license.policyId)) ?? {});
    if (!change.ok) return ok({ applied: false, duplicate: false, code: change.error.code, license });
    const { status, statusReason, expiresAt, pastDueSince, event, data } = change.value;
    const pastDue = pastDueSince === undefined ? {} : { pastDueSince };
    await tx.licenses.update(licenseId, { status, statusReason, expiresAt, ...pastDue });
    await tx.events.append({
      id: newId("event"),
      licenseId,
      type: event,
      actor: `billing:${source}`,
      reason: eventId,
      data,
      createdAt: at,
    });
    const { statusReason: _r, expiresAt: _e, pastDueSince: _p, ...rest } = license;
    const since = pastDueSince === undefined ? license.pastDueSince : (pastDueSince ?? undefined);
    const next: License = {
      ...rest,
      status,
      ...(statusReason === null ? {} : { statusReason }),
      ...(expiresAt === null ? {} : { expiresAt }),
      ...(since === undefined ? {} : { pastDueSince: since }),
    };
    // A refunded upgrade gives its base back (story 7).
    if (status === "revoked") await releaseBase(tx, next, `billing:${source}`, eventId, at);
    return ok({ applied: true, duplicate: false, license: next });
  });
}
