/** What happened to a license. The log is append-only: a correction is a new event, never an edit. */
export const eventTypes = [
  "license.created",
  "license.suspended",
  "license.reinstated",
  "license.revoked",
  "license.extended",
  "license.reassigned",
  "license.linked",
  "license.bound",
  "license.warranty_repair",
  "license.rebound",
  "license.base_consumed",
  "license.base_released",
  "license.entitlements_changed",
  "device.activated",
  "device.recognized",
  "device.deactivated",
  "device.renamed",
  "device.transferred",
  "device.fork_suspected",
  "device.forked",
  "activation.refused",
  "seat.overage",
  "seat.borrowed",
  "seat.returned",
  // A seat refused (NO_SEAT_AVAILABLE at check-out, SEAT_EXPIRED at a heartbeat), at most one per code a minute.
  "seat.refused",
  "relay.grant_issued",
  "relay.usage_reported",
  // Admin changes (issue 13 point 7): a move to another policy, per-license overrides, a note for staff.
  "license.policy_changed",
  "license.overrides_changed",
  "license.noted",
  // Billing (issue 13 point 6), written by `applyBilling` through the billing endpoints.
  "billing.renewed",
  "billing.payment_failed",
  "billing.canceled",
  "billing.refunded",
  "support.requested",
] as const;
export type EventType = (typeof eventTypes)[number];

/** One entry of a license's timeline. */
export interface LicenseEvent {
  readonly id: string;
  readonly licenseId: string;
  readonly type: EventType;
  /** Who did it: `token:tok_…` (an admin), `device:dev_…` (the device itself), or `system`. */
  readonly actor: string;
  /** Why, in the actor's words or the decision's code. */
  readonly reason?: string;
  /** Facts of the change: the decision's explanation, old and new values. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
}
