import type { Fingerprint } from "../matching/fingerprint.js";
import { presentedDigest } from "../matching/keyedDigest.js";
import type { MatchExplanation } from "../matching/match.js";
import { checkLeaseCounter, issueNextLease, type LeaseCounters, rememberStrike } from "./leaseCounter.js";
import type { Device } from "./license.js";
import type { Policy } from "./policy.js";
import { isNewerCollector, nextBaseline } from "./recognition.js";

/** A timeline entry a lineage judgement asks for: a first strike (a suspicion) or an established fork. */
export interface LineageEvent {
  readonly type: "device.fork_suspected" | "device.forked";
  /** The code the presenter was answered (DEVICE_FORKED, LEASE_SUPERSEDED) or why it was still served. */
  readonly reason: string;
  readonly presentedCounter: number;
  readonly counters: LeaseCounters;
}

/**
 * What a presented lease means for its device's lineage:
 * - `continue`: served; `counters` are what the next lease carries, `mustIssue` when a new one is owed (a retry,
 *   a first strike whose line becomes the current one).
 * - `superseded`: a lineage a re-activation replaced; refused with LEASE_SUPERSEDED, the strike remembered.
 * - `forked`: a second line while a suspicion stands; the fork is established on the device.
 */
export type LineageJudgement =
  | {
      readonly kind: "continue";
      readonly counters: LeaseCounters;
      readonly mustIssue: boolean;
      readonly event?: LineageEvent;
    }
  | { readonly kind: "superseded"; readonly counters: LeaseCounters; readonly event: LineageEvent }
  | { readonly kind: "forked"; readonly event: LineageEvent };

const epochSeconds = (now: Date) => Math.floor(now.getTime() / 1000);

/**
 * Judge a lease of `device` carrying counter `presented` at `now`, under `policy`'s suspicion window (its lease
 * plus grace). Pure: the caller writes the counters (and the fork) it returns.
 * @example
 * const judged = judgeLease(device, claims.ctr, policy, now);
 * if (judged.kind === "superseded") answer("LEASE_SUPERSEDED");
 */
export function judgeLease(device: Device, presented: number, policy: Policy, now: Date): LineageJudgement {
  const at = epochSeconds(now);
  const counters = device.leaseCounters;
  const check = checkLeaseCounter(counters, presented, at, policy.leaseSeconds + policy.graceSeconds);
  const event = (type: LineageEvent["type"], reason: string): LineageEvent => ({
    type,
    reason,
    presentedCounter: presented,
    counters,
  });
  switch (check) {
    case "current":
      return { kind: "continue", counters: issueNextLease(counters, presented), mustIssue: false };
    case "retry":
      return { kind: "continue", counters: issueNextLease(counters, presented), mustIssue: true };
    case "suspect":
      return {
        kind: "continue",
        counters: issueNextLease(counters, presented, at),
        mustIssue: true,
        event: event(
          "device.fork_suspected",
          "a lease older than the device's newest was presented (a restored snapshot or a copy)",
        ),
      };
    case "superseded":
      return {
        kind: "superseded",
        counters: rememberStrike(counters, presented, at),
        event: event(
          "device.fork_suspected",
          "LEASE_SUPERSEDED: a lease of a lineage replaced by a re-activation by key was presented (a copy, or a snapshot from before it)",
        ),
      };
    case "forked":
      return { kind: "forked", event: event("device.forked", "DEVICE_FORKED") };
  }
}

/**
 * The device as it is after being served a new lease at `now`: the next counters, the rolling baseline of its
 * components (see `nextBaseline`), the lease's issue time, and the digest its lease binds (of what the client
 * sent, before the server keyed it).
 * @example
 * const next = refreshedDevice(device, fingerprint, explanation, judged.counters, now);
 */
export function refreshedDevice(
  device: Device,
  fingerprint: Fingerprint,
  explanation: MatchExplanation,
  counters: LeaseCounters,
  now: Date,
): Device {
  const baseline = nextBaseline(device, fingerprint, explanation);
  const at = now.toISOString();
  return {
    ...device,
    ...baseline,
    fingerprintDigest: presentedDigest(fingerprint),
    leaseCounters: counters,
    leaseIssuedAt: at,
    lastSeenAt: at,
  };
}

/**
 * Whether a refresh would store something new about the device's components: a component changed, a migration
 * took it, or its collector moved on. Cheap, for the hot path (no digest of the whole set).
 */
export const baselineChanges = (device: Device, fingerprint: Fingerprint, explanation: MatchExplanation) =>
  explanation.score < 1 ||
  explanation.collector !== fingerprint.collector ||
  isNewerCollector(fingerprint.collector, device.collector);

/**
 * The device with a fork established at `now`: it stays on the device (and in the license's view) until a
 * transfer or support resolves it.
 * @example
 * const forked = withFork(device, now);
 */
export const withFork = (device: Device, now: Date): Device => ({ ...device, forkedAt: now.toISOString() });
