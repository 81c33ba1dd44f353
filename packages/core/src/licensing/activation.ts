import type { Fingerprint } from "../matching/fingerprint.js";
import { compareFingerprint, type MatchExplanation } from "../matching/match.js";
import { fail, ok, type Result } from "../result.js";
import { type Device, type License, licenseRefusal } from "./license.js";
import type { Policy } from "./policy.js";

/** Everything the activation rule looks at, read inside one transaction with the license row locked. */
export interface ActivationInput {
  readonly license: License;
  readonly policy: Policy;
  /** The license's devices that hold an activation now (deactivated ones excluded). */
  readonly devices: readonly Device[];
  readonly fingerprint: Fingerprint;
  readonly now: Date;
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

/** Best match among a license's devices, or `undefined` when it has none. */
export function closestDevice(
  devices: readonly Device[],
  fingerprint: Fingerprint,
  policy: Policy,
): { device: Device; explanation: MatchExplanation } | undefined {
  return closestDeviceBy(devices, (device) =>
    compareFingerprint(device.components, fingerprint, policy.componentWeights, policy.matchThreshold),
  );
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
    if (!best || explanation.score > best.explanation.score) best = { device, explanation };
  }
  return best;
}

/**
 * Decide an activation: the same device recognised (refresh it, new lease), a new device in a free slot, or a
 * refusal that lists the devices holding the slots. Pure: the caller persists what it decides.
 */
export function decideActivation(input: ActivationInput): Result<ActivationDecision> {
  return decideActivationBy(input, (device) =>
    compareFingerprint(
      device.components,
      input.fingerprint,
      input.policy.componentWeights,
      input.policy.matchThreshold,
    ),
  );
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
