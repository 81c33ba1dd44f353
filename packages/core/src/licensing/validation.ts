import type { Fingerprint } from "../matching/fingerprint.js";
import type { MatchExplanation } from "../matching/match.js";
import type { Problem } from "../result.js";
import { closestDevice } from "./activation.js";
import { type BindingOutcome, boundKindOf, judgeBinding } from "./componentBinding.js";
import { issueNextLease } from "./leaseCounter.js";
import { type Device, type License, licenseRefusal } from "./license.js";
import { baselineChanges, judgeLease, type LineageEvent, refreshedDevice, withFork } from "./lineage.js";
import type { Policy } from "./policy.js";
import { compareWithDevice, migrationSets } from "./recognition.js";

/** Everything the validation rule looks at. */
export interface ValidationInput {
  readonly license: License;
  readonly policy: Policy;
  readonly fingerprint: Fingerprint;
  readonly now: Date;
  /** By lease: the device the (verified) lease names, and the counter it carries. */
  readonly held?: { readonly device: Device; readonly counter: number } | undefined;
  /** By key: the license's devices that hold an activation now. */
  readonly devices?: readonly Device[] | undefined;
  /**
   * By key: whether the device proved it holds its device secret. Until the device proof exists nothing proves
   * it, so a validation by key answers the license's state and never a lease (see `validateByKey`).
   */
  readonly proven?: boolean | undefined;
  /** Whether the device's lease is due for re-issue (a share of it has passed). */
  readonly leaseDue: (device: Device) => boolean;
}

/**
 * The verdict, and what it asks the caller to write:
 * - `refuse`: a signed `valid: false` with `problem`; nothing to write.
 * - `strike`: a signed `valid: false` (LEASE_SUPERSEDED, DEVICE_FORKED); write `next` and the `event`.
 * - `serve`: valid, with a lease; write `next` first when present (a new lease, a new baseline), and the `event`;
 *   and `binding` when the license's binding changes (a warranty repair used, a phone binding seen in full).
 */
export type ValidationDecision =
  | {
      readonly kind: "refuse";
      readonly problem: Problem;
      readonly device?: Device;
      readonly explanation?: MatchExplanation;
    }
  | {
      readonly kind: "strike";
      readonly problem: Problem;
      readonly device: Device;
      readonly explanation: MatchExplanation;
      readonly next: Device;
      readonly event: LineageEvent;
    }
  | {
      readonly kind: "serve";
      readonly device: Device;
      readonly explanation: MatchExplanation;
      readonly next?: Device;
      readonly event?: LineageEvent;
      readonly binding?: Extract<BindingOutcome, { kind: "bind" | "rebind" | "sharpen" | "migrate" }>;
    };

/**
 * Decide a validation, by lease or by key. Pure: the caller reads the inputs, writes what the decision asks
 * (under the license lock, deciding again on what it read there), and signs the answer.
 * @example
 * const decision = decideValidation({ license, policy, fingerprint, now, held: { device, counter }, leaseDue });
 */
export function decideValidation(input: ValidationInput): ValidationDecision {
  const refusal = licenseRefusal(input.license, input.now);
  const held = input.held;
  if (refusal) return { kind: "refuse", problem: refusal, ...(held ? { device: held.device } : {}) };
  return bound(input, held ? byLease(input, held.device, held.counter) : byKey(input));
}

/**
 * A served device of an OEM or bundle license must still present the bound part, as at activation: a device
 * recognised by its disk and install after a board swap is refused (OEM_BOARD_CHANGED), unless support recorded
 * a warranty repair — then the license rebinds to the new board, once, as an activation would.
 * Attacker: a user who swaps the board of an activated OEM machine and only ever validates, never activating
 * again. Limit: as `judgeBinding`'s.
 */
function bound(input: ValidationInput, decision: ValidationDecision): ValidationDecision {
  // Most licenses bind no part: nothing to judge, and no migration sets to work out on the hot path.
  if (decision.kind !== "serve" || boundKindOf(input.policy) === undefined) return decision;
  const migratedFrom = migrationSets(decision.device, input.fingerprint, input.now) ?? [];
  const judged = judgeBinding(input.license, input.policy, input.fingerprint, "full", migratedFrom);
  if (!judged.ok) {
    const { device, explanation } = decision;
    return { kind: "refuse", problem: judged.error, device, explanation };
  }
  const binding = judged.value;
  if (binding.kind === "unbound" || binding.kind === "kept") return decision;
  return { ...decision, binding };
}

function mismatch(policy: Policy, explanation: MatchExplanation | undefined): ValidationDecision {
  return {
    kind: "refuse",
    problem: {
      code: "FINGERPRINT_MISMATCH",
      params: { score: explanation?.score ?? 0, threshold: policy.matchThreshold },
      ...(explanation ? { details: { explanation } } : {}),
    },
    ...(explanation ? { explanation } : {}),
  };
}

const forkProblem = (device: Device): Problem => ({
  code: "DEVICE_FORKED",
  details: { deviceId: device.id, forkedAt: device.forkedAt },
});

const forked = (device: Device, explanation?: MatchExplanation): ValidationDecision => ({
  kind: "refuse",
  problem: forkProblem(device),
  device,
  ...(explanation ? { explanation } : {}),
});

function byLease(input: ValidationInput, device: Device, counter: number): ValidationDecision {
  const { policy, fingerprint, now } = input;
  if (device.deactivatedAt !== undefined) {
    const problem: Problem = {
      code: "DEVICE_DEACTIVATED",
      params: { deactivatedAt: device.deactivatedAt },
    };
    return { kind: "refuse", problem, device };
  }
  if (device.forkedAt !== undefined) return forked(device);
  const explanation = compareWithDevice(device, fingerprint, policy, now);
  if (!explanation.sameDevice) return mismatch(policy, explanation);
  const judged = judgeLease(device, counter, policy, now);
  if (judged.kind === "superseded") {
    return {
      kind: "strike",
      problem: { code: "LEASE_SUPERSEDED", details: { deviceId: device.id } },
      device,
      explanation,
      next: { ...device, leaseCounters: judged.counters },
      event: judged.event,
    };
  }
  if (judged.kind === "forked") {
    const next = withFork(device, now);
    return { kind: "strike", problem: forkProblem(next), device, explanation, next, event: judged.event };
  }
  const event = judged.event ? { event: judged.event } : {};
  if (!judged.mustIssue && !baselineChanges(device, fingerprint, explanation) && !input.leaseDue(device)) {
    return { kind: "serve", device, explanation, ...event };
  }
  const next = refreshedDevice(device, fingerprint, explanation, judged.counters, now);
  return { kind: "serve", device, explanation, next, ...event };
}

function byKey(input: ValidationInput): ValidationDecision {
  const { policy, fingerprint, now } = input;
  const closest = closestDevice(input.devices ?? [], fingerprint, policy, now);
  if (!closest?.explanation.sameDevice) return mismatch(policy, closest?.explanation);
  const { device, explanation } = closest;
  if (device.forkedAt !== undefined) return forked(device, explanation);
  // Seam for the device proof: a key proves whoever holds it may use the license, not which copy of a device
  // asks. Only a device that proves it holds its own key may be served (and refreshed) by key.
  if (input.proven !== true) {
    return {
      kind: "refuse",
      problem: { code: "DEVICE_PROOF_REQUIRED", details: { deviceId: device.id } },
      device,
      explanation,
    };
  }
  if (!baselineChanges(device, fingerprint, explanation) && !input.leaseDue(device)) {
    return { kind: "serve", device, explanation };
  }
  const next = refreshedDevice(device, fingerprint, explanation, issueNextLease(device.leaseCounters), now);
  return { kind: "serve", device, explanation, next };
}
