import type { Problem } from "../result.js";
import type { OnlineActivationDecision } from "./activation.js";
import { summarizeDevice } from "./activation.js";
import type { Device } from "./license.js";
import type { Policy } from "./policy.js";

/**
 * Days after a fork was established on a license during which the key alone no longer takes a device's live
 * lease line (see `forkGuardRefusal`). Why 90: a copy that was caught once keeps trying at every start of the
 * app, so the guard must outlast any wait a copy's user would sit out (the fleet model sees nearly every second
 * machine as a fork well inside 90 days: median 8 days, 95th percentile 28); each lapse costs the copy a new fork
 * before it runs again, so a quarter bounds it to about four short runs a year, the order of a policy's transfer
 * allowance. Longer would keep honest owners of a once-cloned license on the proven route (a transfer with the
 * mailed code) for a reinstall that the key alone used to settle; it only applies while the line is live.
 */
export const FORK_GUARD_DAYS = 90;

const DAY_MS = 86_400_000;

/**
 * Whether the device's newest lease still runs somewhere: issued within the policy's lease plus grace. Only then
 * does a re-activation by key cut a running copy off; a line past it has stopped on its own.
 * @example
 * holdsLiveLine(device, policy, now); // true the day after its last refresh
 */
export const holdsLiveLine = (device: Device, policy: Policy, now: Date): boolean =>
  now.getTime() - Date.parse(device.leaseIssuedAt) < (policy.leaseSeconds + policy.graceSeconds) * 1000;

/**
 * The device whose live line an online activation would take by key alone (a recognition that starts a new
 * lineage while the device's newest lease still runs), or `undefined`. Only then is the license's fork history
 * worth reading: on every other activation the guard costs nothing.
 * @example
 * const taken = liveLineTakenByKey(decided, policy, now);
 * const lastForkAt = taken && (await tx.devices.lastForkAt(license.id));
 */
export function liveLineTakenByKey(
  decided: { readonly ok: true; readonly value: OnlineActivationDecision } | { readonly ok: false },
  policy: Policy,
  now: Date,
): Device | undefined {
  if (!decided.ok || decided.value.outcome !== "recognized" || !decided.value.superseded) return undefined;
  return holdsLiveLine(decided.value.device, policy, now) ? decided.value.device : undefined;
}

/**
 * The refusal of an activation by key that would run a second copy of `device` beside its live line, on a
 * license where a fork (two copies of one machine) was established within `FORK_GUARD_DAYS` — `lastForkAt` is the
 * newest `forkedAt` of any of the license's devices, deactivated ones included, so the guard outlives the fork's
 * resolution (a transfer off the forked device, or support deactivating it). Attacker: a perfect copy of the
 * owner's VM with the unmodified SDK and the key, but not the owner's mailbox; after the owner moved the license
 * off the fork it re-activates by key, is recognised as the owner's new device and would supersede the owner's
 * line. The key alone no longer decides which copy runs: the owner's proof does (a transfer). `undefined` when
 * the activation may go on as ever: no fork on the license, the guard has lapsed, or the line is not live.
 * @example
 * const refusal = forkGuardRefusal(device, "2026-03-01T00:00:00.000Z", policy, now);
 * if (refusal) return { ok: false, error: refusal };
 */
export function forkGuardRefusal(
  device: Device,
  lastForkAt: string | undefined,
  policy: Policy,
  now: Date,
): Problem | undefined {
  if (lastForkAt === undefined || !holdsLiveLine(device, policy, now)) return undefined;
  const guardEnds = Date.parse(lastForkAt) + FORK_GUARD_DAYS * DAY_MS;
  if (!(now.getTime() < guardEnds)) return undefined;
  const guardEndsAt = new Date(guardEnds).toISOString();
  return {
    code: "REACTIVATION_PROOF_REQUIRED",
    params: { forkedAt: lastForkAt, guardEndsAt },
    // As DEVICE_LIMIT_REACHED: the device in the way, so the owner's tools can transfer from it.
    details: {
      devices: [summarizeDevice(device)],
      forkedAt: lastForkAt,
      guardEndsAt,
      transferable: policy.transferable,
    },
  };
}
