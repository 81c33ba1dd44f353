import type { Fingerprint } from "../matching/fingerprint.js";
import { betterMatch, type MatchExplanation } from "../matching/match.js";
import { fail, ok, type Result } from "../result.js";
import { startLineage } from "./leaseCounter.js";
import { type Device, type License, licenseRefusal } from "./license.js";
import { judgeLease, type LineageEvent, refreshedDevice, withFork } from "./lineage.js";
import { isSeatChannel, type Policy } from "./policy.js";
import { compareWithDevice } from "./recognition.js";

/** Everything the activation rule looks at, read inside one transaction with the license row locked. */
export interface ActivationInput {
  readonly license: License;
  readonly policy: Policy;
  /** The license's devices that hold an activation now (deactivated ones excluded). */
  readonly devices: readonly Device[];
  readonly fingerprint: Fingerprint;
  readonly now: Date;
  /** The lease the device holds, if it sent one (verified): the same lineage goes on instead of a new one. */
  readonly held?: { readonly deviceId: string; readonly counter: number } | undefined;
}

/** The outcome, with the explanation people see: which components matched or changed, the score and threshold. */
export type ActivationDecision =
  | { readonly outcome: "recognized"; readonly device: Device; readonly explanation: MatchExplanation }
  | {
      readonly outcome: "new_device";
      /** The closest existing device and why it was not taken for this one; absent on a license's first device. */
      readonly closest?: { readonly deviceId: string; readonly explanation: MatchExplanation };
    };

/** What a refused activation tells the client about the devices in the way. */
export interface DeviceSummary {
  readonly id: string;
  readonly name: string;
  readonly platform: string;
  readonly activatedAt: string;
  readonly lastSeenAt: string;
}

export const summarizeDevice = (d: Device): DeviceSummary => ({
  id: d.id,
  name: d.name,
  platform: d.platform,
  activatedAt: d.activatedAt,
  lastSeenAt: d.lastSeenAt,
});

/** Best match among a license's devices at `now` (see `compareWithDevice`), or `undefined` when it has none. */
export function closestDevice(
  devices: readonly Device[],
  fingerprint: Fingerprint,
  policy: Policy,
  now: Date,
): { device: Device; explanation: MatchExplanation } | undefined {
  return closestDeviceBy(devices, (device) => compareWithDevice(device, fingerprint, policy, now));
}

/**
 * Best match among a license's devices by any comparison (the full matcher online, the compact one for an
 * installation ID), or `undefined` when it has none.
 */
export function closestDeviceBy(
  devices: readonly Device[],
  explain: (device: Device) => MatchExplanation,
): { device: Device; explanation: MatchExplanation } | undefined {
  let best: { device: Device; explanation: MatchExplanation } | undefined;
  for (const device of devices) {
    const explanation = explain(device);
    if (!best || betterMatch(explanation, best.explanation)) best = { device, explanation };
  }
  return best;
}

/**
 * An online activation's outcome. A recognised device comes with `next`, the device as it is to be written:
 * its rolling baseline and the counters of its next lease — the same lineage when it presented its current
 * lease, else a new lineage that supersedes every earlier lease (`superseded`). `forked`: the device is (or has
 * just become, `next` then carries the fork) a fork, and is refused with DEVICE_FORKED: a re-activation by key
 * never undoes a fork.
 */
export type OnlineActivationDecision =
  | {
      readonly outcome: "recognized";
      readonly device: Device;
      readonly explanation: MatchExplanation;
      readonly next: Device;
      readonly superseded: boolean;
      readonly event?: LineageEvent;
    }
  | Extract<ActivationDecision, { outcome: "new_device" }>
  | {
      readonly outcome: "forked";
      readonly device: Device;
      readonly explanation: MatchExplanation;
      readonly next?: Device;
      readonly event?: LineageEvent;
    };

/**
 * Decide an activation: the same device recognised (refresh it, new lease), a new device in a free slot, or a
 * refusal that lists the devices holding the slots. Pure: the caller persists what it decides.
 */
export function decideActivation(input: ActivationInput): Result<OnlineActivationDecision> {
  const decided = decideActivationBy(input, (device) =>
    compareWithDevice(device, input.fingerprint, input.policy, input.now),
  );
  if (!decided.ok) return decided;
  if (decided.value.outcome !== "recognized") return ok(decided.value);
  const { device, explanation } = decided.value;
  if (device.forkedAt !== undefined) return ok({ outcome: "forked", device, explanation });
  const refreshed = (counters: Device["leaseCounters"]) =>
    refreshedDevice(device, input.fingerprint, explanation, counters, input.now);
  const held = input.held;
  if (held === undefined || held.deviceId !== device.id) {
    // No lease of this device: whoever asks holds the key, and from now on only its lineage is served.
    const next = refreshed(startLineage(device.leaseCounters));
    return ok({ outcome: "recognized", device, explanation, next, superseded: true });
  }
  const judged = judgeLease(device, held.counter, input.policy, input.now);
  if (judged.kind === "forked") {
    const next = withFork(device, input.now);
    return ok({ outcome: "forked", device, explanation, next, event: judged.event });
  }
  if (judged.kind === "superseded") {
    const next = refreshed(startLineage(judged.counters));
    return ok({ outcome: "recognized", device, explanation, next, superseded: true, event: judged.event });
  }
  const next = refreshed(judged.counters);
  const event = judged.event ? { event: judged.event } : {};
  return ok({ outcome: "recognized", device, explanation, next, superseded: false, ...event });
}

/**
 * The activation rule with the comparison given: `decideActivation` online, and the same rule for an offline
 * request whose fingerprint is compact (an installation ID). License state, device limit and refusal details
 * are decided here once for both.
 */
export function decideActivationBy(
  input: Omit<ActivationInput, "fingerprint">,
  explain: (device: Device) => MatchExplanation,
): Result<ActivationDecision> {
  // A floating or workload license is a pool of seats: a device activated on it would run outside the pool.
  if (isSeatChannel(input.policy.channel))
    return fail("LICENSE_USES_SEATS", { channel: input.policy.channel });
  const refusal = licenseRefusal(input.license, input.now);
  if (refusal) return { ok: false, error: refusal };
  const closest = closestDeviceBy(input.devices, explain);
  if (closest?.explanation.sameDevice) {
    return ok({ outcome: "recognized", device: closest.device, explanation: closest.explanation });
  }
  if (input.devices.length < input.policy.maxDevices) {
    return ok({
      outcome: "new_device",
      ...(closest ? { closest: { deviceId: closest.device.id, explanation: closest.explanation } } : {}),
    });
  }
  return fail(
    "DEVICE_LIMIT_REACHED",
    { count: input.devices.length, max: input.policy.maxDevices },
    {
      devices: input.devices.map(summarizeDevice),
      maxDevices: input.policy.maxDevices,
      transferable: input.policy.transferable,
      ...(closest ? { closest: { deviceId: closest.device.id, explanation: closest.explanation } } : {}),
    },
  );
}

/** Lease instants for a device activated or refreshed at `now`. */
export interface LeaseWindow {
  readonly issuedAt: Date;
  readonly leaseExpiresAt: Date;
  readonly graceEndsAt: Date;
}

/** A lease never outlives the license: it ends at the license's expiry if that comes first, then grace runs. */
export function leaseWindow(policy: Policy, license: License, now: Date): LeaseWindow {
  let leaseEnd = now.getTime() + policy.leaseSeconds * 1000;
  if (license.expiresAt !== undefined) leaseEnd = Math.min(leaseEnd, Date.parse(license.expiresAt));
  return {
    issuedAt: now,
    leaseExpiresAt: new Date(leaseEnd),
    graceEndsAt: new Date(leaseEnd + policy.graceSeconds * 1000),
  };
}
