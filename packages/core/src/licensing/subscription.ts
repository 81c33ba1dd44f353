import type { License, LicenseStatus } from "./license.js";
import type { Policy } from "./policy.js";

/** Days a subscription keeps working after a failed payment when its policy names none. */
export const DEFAULT_GRACE_AFTER_PAYMENT_FAILURE_DAYS = 7;

const DAY_MS = 86_400_000;

/**
 * What a billing event changes on a subscription license; the caller writes it (and the event). `null` clears.
 * Expiry carries the subscription: a lease never outlives `expiresAt` (see `leaseWindow`), so devices follow
 * at their next refresh.
 */
export interface SubscriptionChange {
  readonly expiresAt?: string;
  readonly pastDueSince?: string | null;
  readonly status?: LicenseStatus;
  readonly statusReason?: string;
}

const later = (a: string | undefined, b: Date) =>
  a !== undefined && Date.parse(a) > b.getTime() ? a : b.toISOString();

/**
 * A paid period: the license runs to the period's end (never shortened) and a past-due mark is cleared.
 * @example
 * renewSubscription(license, new Date("2026-04-01T00:00:00Z")); // { expiresAt: "2026-04-01T…", pastDueSince: null }
 */
export function renewSubscription(license: Pick<License, "expiresAt">, periodEnd: Date): SubscriptionChange {
  return { expiresAt: later(license.expiresAt, periodEnd), pastDueSince: null };
}

/**
 * A failed payment: the license keeps working for the policy's grace (`graceAfterPaymentFailureDays`) from the
 * first failure, or to the end of a period still paid if that is later; past it, SUBSCRIPTION_PAST_DUE. A second
 * failure never restarts the grace.
 * @example
 * subscriptionPaymentFailed(license, policy, now); // { expiresAt: now + 7 days, pastDueSince: now }
 */
export function subscriptionPaymentFailed(
  license: Pick<License, "expiresAt" | "pastDueSince">,
  policy: Pick<Policy, "graceAfterPaymentFailureDays">,
  now: Date,
): SubscriptionChange {
  const since = license.pastDueSince ?? now.toISOString();
  const days = policy.graceAfterPaymentFailureDays ?? DEFAULT_GRACE_AFTER_PAYMENT_FAILURE_DAYS;
  const graceEnd = new Date(Date.parse(since) + days * DAY_MS);
  if (license.pastDueSince !== undefined) return { pastDueSince: since };
  return { expiresAt: later(license.expiresAt, graceEnd), pastDueSince: since };
}

/**
 * A cancellation: the license runs to the end of the period paid for and stops there (the customer keeps what
 * they paid for); it is not renewed.
 * @example
 * subscriptionCanceled(new Date("2026-04-01T00:00:00Z")); // { expiresAt: "2026-04-01T00:00:00.000Z" }
 */
export function subscriptionCanceled(periodEnd: Date): SubscriptionChange {
  return { expiresAt: periodEnd.toISOString() };
}

/**
 * A refund: the right is withdrawn now (an upgrade's base is given back by the revocation; see `upgrade.ts`).
 * @example
 * subscriptionRefunded(); // { status: "revoked", statusReason: "refunded" }
 */
export function subscriptionRefunded(reason = "refunded"): SubscriptionChange {
  return { status: "revoked", statusReason: reason };
}
