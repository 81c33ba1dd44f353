import { fail, ok, type Result } from "../result.js";
import type { EventType } from "./event.js";
import type { License, LicenseStatus } from "./license.js";
import type { Policy } from "./policy.js";

/**
 * What a billing system reports about a subscription, reduced to what licensing needs. A vendor's billing
 * (the generic endpoint) or Stripe (through its adapter) says which.
 */
export type BillingFact =
  /** Paid for another period: the license runs until `periodEnd`. */
  | { readonly kind: "renewed"; readonly periodEnd: string }
  /**
   * A payment failed: the license keeps running for `graceDays` (days) while the customer fixes it; when the
   * sender names none, the policy's `graceAfterPaymentFailureDays`, else 7.
   */
  | { readonly kind: "payment_failed"; readonly graceDays?: number | undefined }
  /** Canceled: the license runs until the end of the period already paid for, then stops. */
  | { readonly kind: "canceled"; readonly periodEnd: string }
  /** Refunded: the right is taken back now. */
  | { readonly kind: "refunded" };

export const billingFactKinds = ["renewed", "payment_failed", "canceled", "refunded"] as const;

/** The change a billing fact makes to a license: its status and expiry after, and the timeline entry. */
export interface BillingChange {
  readonly status: LicenseStatus;
  readonly statusReason: string | null;
  readonly expiresAt: string | null;
  /** A failed payment not yet made good (past it, SUBSCRIPTION_PAST_DUE); `null` clears; absent: unchanged. */
  readonly pastDueSince?: string | null;
  readonly event: EventType;
  readonly data: Readonly<Record<string, unknown>>;
}

/** The status reason billing writes, so a renewal lifts only what billing imposed, never an admin's suspension. */
export const BILLING_REASON = { refunded: "billing: refunded" } as const;

const DAY_MS = 86_400_000;

/** Days a subscription keeps working after a failed payment when neither the sender nor the policy names any. */
export const DEFAULT_GRACE_AFTER_PAYMENT_FAILURE_DAYS = 7;

const later = (a: string | undefined, b: string): string =>
  a !== undefined && Date.parse(a) > Date.parse(b) ? a : b;

/**
 * Apply one billing fact to a license (pure: license state in, new state out). A revoked license stays revoked
 * (a late renewal of a refunded subscription gives nothing back); expiry only moves forward on renewal and grace,
 * so a replayed or out-of-order older event never shortens what was paid for.
 * @example
 * applyBilling(license, { kind: "canceled", periodEnd: "2026-02-01T00:00:00.000Z" }, now);
 * // ok({ status: "active", expiresAt: "2026-02-01T00:00:00.000Z", event: "billing.canceled", … })
 */
export function applyBilling(
  license: License,
  fact: BillingFact,
  now: Date,
  policy: Pick<Policy, "graceAfterPaymentFailureDays"> = {},
): Result<BillingChange> {
  if (license.status === "revoked") {
    return fail("LICENSE_STATE_CONFLICT", { status: "revoked", action: `billing ${fact.kind}` });
  }
  const from = { status: license.status, expiresAt: license.expiresAt ?? null };
  const keep = { status: license.status, statusReason: license.statusReason ?? null };
  switch (fact.kind) {
    case "renewed": {
      const expiresAt = later(license.expiresAt, new Date(fact.periodEnd).toISOString());
      const renewed = { event: "billing.renewed", data: { from, periodEnd: fact.periodEnd } } as const;
      return ok({ ...keep, expiresAt, pastDueSince: null, ...renewed });
    }
    case "payment_failed": {
      // The grace runs from the first failure: a second failure never restarts it.
      const since = license.pastDueSince ?? now.toISOString();
      const graceDays =
        fact.graceDays ?? policy.graceAfterPaymentFailureDays ?? DEFAULT_GRACE_AFTER_PAYMENT_FAILURE_DAYS;
      const graceEnd = new Date(Date.parse(since) + graceDays * DAY_MS).toISOString();
      const expiresAt = later(license.expiresAt, graceEnd);
      return ok({
        ...keep,
        expiresAt,
        pastDueSince: since,
        event: "billing.payment_failed",
        data: { from, graceDays, graceEnd: expiresAt },
      });
    }
    case "canceled": {
      const expiresAt = new Date(fact.periodEnd).toISOString();
      return ok({ ...keep, expiresAt, event: "billing.canceled", data: { from, periodEnd: expiresAt } });
    }
    case "refunded":
      return ok({
        status: "revoked",
        statusReason: BILLING_REASON.refunded,
        expiresAt: license.expiresAt ?? null,
        event: "billing.refunded",
        data: { from },
      });
  }
}
