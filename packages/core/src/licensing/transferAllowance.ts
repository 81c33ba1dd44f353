import type { Policy } from "./policy.js";

/** The span over which a policy's `transfersPerYear` is counted. */
export const TRANSFER_PERIOD_MS = 365 * 86_400_000;

/** Why a transfer may not happen now: the policy forbids it, the period's allowance is used, or a cool-down runs. */
export type TransferBlock =
  | { readonly reason: "not_allowed" }
  | { readonly reason: "period"; readonly nextAt: string; readonly lastAt: string }
  | { readonly reason: "cooldown"; readonly nextAt: string; readonly lastAt: string };

/** What a license's owner sees before choosing to move it, and what the transfer rule decides on. */
export interface TransferAllowance {
  readonly allowed: boolean;
  readonly perYear: number;
  /** Transfers in the last 365 days. */
  readonly used: number;
  /** Transfers left in the period (0 when not allowed). */
  readonly left: number;
  /** Seconds the policy waits between two transfers (0: none). */
  readonly cooldownSeconds: number;
  /** Set when a transfer is refused now: why, and from when the next one is possible. */
  readonly blocked?: TransferBlock;
}

/**
 * The transfer allowance of a license under its policy, from the instants of its transfers in the last 365 days
 * (oldest first). Pure: the same for the transfer itself and for the views that show what is left. The instant
 * 365 days ago is excluded, so a transfer is available again exactly at `nextAt`; the cool-down counts from the
 * newest transfer.
 * @example
 * const allowance = transferAllowance(policy, ["2026-01-02T00:00:00.000Z"], new Date());
 * if (allowance.blocked) console.log(allowance.blocked.reason);
 */
export function transferAllowance(
  policy: Pick<Policy, "transferable" | "transfersPerYear" | "transferCooldownSeconds">,
  transfersAt: readonly string[],
  now: Date,
): TransferAllowance {
  const since = now.getTime() - TRANSFER_PERIOD_MS;
  const recent = transfersAt.map((at) => Date.parse(at)).filter((at) => at > since);
  const cooldownSeconds = policy.transferCooldownSeconds ?? 0;
  const base = {
    allowed: policy.transferable,
    perYear: policy.transfersPerYear,
    used: recent.length,
    cooldownSeconds,
  };
  if (!policy.transferable) return { ...base, left: 0, blocked: { reason: "not_allowed" } };
  const left = Math.max(0, policy.transfersPerYear - recent.length);
  const oldest = recent.length === 0 ? undefined : Math.min(...recent);
  const newest = recent.length === 0 ? undefined : Math.max(...recent);
  if (left === 0) {
    const nextAt = new Date((oldest ?? now.getTime()) + TRANSFER_PERIOD_MS).toISOString();
    const lastAt = newest === undefined ? "—" : new Date(newest).toISOString();
    return { ...base, left, blocked: { reason: "period", nextAt, lastAt } };
  }
  if (newest !== undefined && newest + cooldownSeconds * 1000 > now.getTime()) {
    const nextAt = new Date(newest + cooldownSeconds * 1000).toISOString();
    return { ...base, left, blocked: { reason: "cooldown", nextAt, lastAt: new Date(newest).toISOString() } };
  }
  return { ...base, left };
}
