/** How a license is sold, which sets its defaults and what a transfer means for it. */
export const channels = [
  "retail",
  "oem",
  "bundle",
  "volume",
  "subscription",
  "trial",
  "upgrade",
  "floating",
  "workload",
] as const;
export type Channel = (typeof channels)[number];

/**
 * Channels whose licenses are used by checking seats out of a pool rather than by activating devices:
 * `floating` (any N machines at once, each holding a seat while it heartbeats) and `workload` (containers and
 * autoscaled instances, each seat named by its workload identity, with a short lease that lapses when it dies).
 */
export const seatChannels = ["floating", "workload"] as const;
export type SeatChannel = (typeof seatChannels)[number];

/** True when a policy's licenses are used through seats (see `seatChannels`). */
export const isSeatChannel = (channel: Channel): channel is SeatChannel =>
  (seatChannels as readonly string[]).includes(channel);

/** More seats than the pool has, for a while, instead of a hard stop (e.g. 10% for 24 hours). */
export interface SeatOverage {
  /** Extra seats as a share of the pool, in percent (rounded down; at least one when above 0). */
  readonly percent: number;
  /** How long one overage window lasts, in hours; the same span must then pass before the next opens. */
  readonly hours: number;
}

/** When a license stops: never, on a fixed date, or a span after its first activation. */
export type ExpiryRule =
  | { readonly kind: "none" }
  | { readonly kind: "fixed" /** ISO 8601 instant. */; readonly at: string }
  | { readonly kind: "duration" /** Seconds from the first activation. */; readonly seconds: number };

/** A license template. Every license is issued under one policy and follows its rules. */
export interface Policy {
  readonly id: string;
  readonly productId: string;
  readonly name: string;
  readonly channel: Channel;
  /** Devices that may hold an activation at once. */
  readonly maxDevices: number;
  /** How long a device may run offline on one lease, in seconds. */
  readonly leaseSeconds: number;
  /** How long the app keeps running after its lease ends without a refresh, in seconds. */
  readonly graceSeconds: number;
  readonly expiry: ExpiryRule;
  /** Share of a device's component weight (0…1) that must match for a fingerprint to be that device. */
  readonly matchThreshold: number;
  /** Weight per component kind; kinds not listed weigh nothing. */
  readonly componentWeights: Readonly<Record<string, number>>;
  /** Whether the license may move to another machine in self-service. */
  readonly transferable: boolean;
  /** Self-service transfers allowed in any 365 days. */
  readonly transfersPerYear: number;
  /** Seconds to wait after a transfer before the next (a stolen key cannot hop machines daily); absent: none. */
  readonly transferCooldownSeconds?: number;
  /** Feature flags granted to devices, carried in every lease. */
  readonly entitlements: string[];
  /**
   * For `upgrade` licenses: the policy whose license must be named as the base (see `upgrade.ts`); absent: any
   * license of the same product qualifies.
   */
  readonly basePolicyId?: string;
  /** For `bundle` (DSP) licenses: the component kind the license was sold with and is bound to (e.g. `gpu`). */
  readonly bundleComponent?: string;
  /** For `subscription` licenses: days a license keeps working after a failed payment (see `billing.ts`). */
  readonly graceAfterPaymentFailureDays?: number;
  /** Seat channels: how many seats the pool has (machines or instances running at once). */
  readonly seats?: number;
  /** Seat channels: a seat not heartbeated for this many seconds is free again. */
  readonly heartbeatTimeoutSeconds?: number;
  /** Seat channels: extra seats allowed for a while when the pool is full. */
  readonly overage?: SeatOverage;
  /** Floating: the longest a seat may be borrowed for offline use, in days; absent: no borrowing. */
  readonly borrowMaxDays?: number;
  readonly createdAt: string;
  /** When an admin last edited it; an edit reaches its licenses from their next lease on. */
  readonly updatedAt?: string;
  /** When an admin archived it: its licenses keep it; no new key is issued under it, no license moves to it. */
  readonly archivedAt?: string;
}

const DAY = 86_400;

/** Defaults that fit a retail desktop product; a vendor's policy overrides any of them. */
export const policyDefaults = {
  maxDevices: 1,
  leaseSeconds: 7 * DAY,
  graceSeconds: 14 * DAY,
  transferable: true,
  transfersPerYear: 3,
} as const;

/** When a license created or first activated at `from` expires under `rule`, or `undefined` for never. */
export function expiryFrom(rule: ExpiryRule, from: Date): string | undefined {
  switch (rule.kind) {
    case "none":
      return undefined;
    case "fixed":
      return new Date(rule.at).toISOString();
    case "duration":
      return new Date(from.getTime() + rule.seconds * 1000).toISOString();
  }
}
