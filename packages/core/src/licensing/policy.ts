/** How a license is sold, which sets its defaults and what a transfer means for it. */
export const channels = ["retail", "oem", "volume", "subscription", "trial", "upgrade"] as const;
export type Channel = (typeof channels)[number];

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
  /** Feature flags granted to devices, carried in every lease. */
  readonly entitlements: string[];
  /** For `upgrade` licenses: the policy whose license must be named as the base. Room for the upgrade rules. */
  readonly basePolicyId?: string;
  readonly createdAt: string;
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
