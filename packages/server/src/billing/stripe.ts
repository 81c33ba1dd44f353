import type { BillingFact } from "@ninsho/core";
import { isRecord } from "@ninsho/core";

/** The metadata key a vendor sets on Stripe subscriptions, invoices or charges to name the Ninsho license. */
export const STRIPE_LICENSE_KEY = "ninsho_license_id";

/** A Stripe event reduced to what licensing needs, or why it is not for us. */
export type StripeMapping =
  | { readonly kind: "fact"; readonly licenseId: string; readonly fact: BillingFact }
  | { readonly kind: "ignored"; readonly why: string };

const record = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});
const text = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;
const unixIso = (value: unknown): string | undefined =>
  typeof value === "number" && Number.isFinite(value) ? new Date(value * 1000).toISOString() : undefined;

/** The license an object names: its own metadata, its subscription's (invoices), or its first line's. */
function licenseIdOf(object: Record<string, unknown>): string | undefined {
  const lines = record(object.lines).data;
  const firstLine = Array.isArray(lines) ? record(lines[0]) : {};
  return (
    text(record(object.metadata)[STRIPE_LICENSE_KEY]) ??
    text(record(record(object.subscription_details).metadata)[STRIPE_LICENSE_KEY]) ??
    text(record(record(record(object.parent).subscription_details).metadata)[STRIPE_LICENSE_KEY]) ??
    text(record(firstLine.metadata)[STRIPE_LICENSE_KEY])
  );
}

/** When an invoice's paid period ends: its first line's period end, else the invoice's own `period_end`. */
function invoicePeriodEnd(object: Record<string, unknown>): string | undefined {
  const lines = record(object.lines).data;
  const firstLine = Array.isArray(lines) ? record(lines[0]) : {};
  return unixIso(record(firstLine.period).end) ?? unixIso(object.period_end);
}

/** When a subscription's current period ends (older API versions on the subscription, newer on its items). */
function subscriptionPeriodEnd(object: Record<string, unknown>): string | undefined {
  const items = record(object.items).data;
  const firstItem = Array.isArray(items) ? record(items[0]) : {};
  return (
    unixIso(object.current_period_end) ?? unixIso(firstItem.current_period_end) ?? unixIso(object.ended_at)
  );
}

/**
 * Map a Stripe webhook event to a billing fact: `invoice.paid` → renewed to the paid period's end;
 * `invoice.payment_failed` → grace; `customer.subscription.deleted` → runs to the end of the paid period, then
 * stops; `charge.refunded` → revoked. The license is named by `metadata.ninsho_license_id`. Other types, and
 * objects naming no license, are acknowledged and ignored.
 * @example
 * mapStripeEvent({ type: "charge.refunded", data: { object: { metadata: { ninsho_license_id: "lic_…" } } } });
 */
export function mapStripeEvent(event: Record<string, unknown>): StripeMapping {
  const type = text(event.type) ?? "";
  const object = record(record(event.data).object);
  const licenseId = licenseIdOf(object);
  if (licenseId === undefined) return { kind: "ignored", why: `no metadata.${STRIPE_LICENSE_KEY}` };
  switch (type) {
    case "invoice.paid": {
      const periodEnd = invoicePeriodEnd(object);
      return periodEnd === undefined
        ? { kind: "ignored", why: "invoice without a period end" }
        : { kind: "fact", licenseId, fact: { kind: "renewed", periodEnd } };
    }
    case "invoice.payment_failed":
      return {
        kind: "fact",
        licenseId,
        // Stripe names no grace: the license's policy does (`graceAfterPaymentFailureDays`).
        fact: { kind: "payment_failed" },
      };
    case "customer.subscription.deleted": {
      const periodEnd = subscriptionPeriodEnd(object);
      return periodEnd === undefined
        ? { kind: "ignored", why: "subscription without a period end" }
        : { kind: "fact", licenseId, fact: { kind: "canceled", periodEnd } };
    }
    case "charge.refunded":
      return { kind: "fact", licenseId, fact: { kind: "refunded" } };
    default:
      return { kind: "ignored", why: `event type ${type} is not used` };
  }
}
