import type { ComponentSet, Fingerprint } from "../matching/fingerprint.js";
import { ok, type Result } from "../result.js";
import { type BindingOutcome, type FingerprintForm, judgeBinding } from "./componentBinding.js";
import type { License } from "./license.js";
import type { Policy } from "./policy.js";
import { judgeTrial } from "./trial.js";
import { type BaseCandidate, judgeUpgrade, type UpgradeOutcome } from "./upgrade.js";

/** What the channel rules look at, beside the activation rule's input (read under the license lock). */
export interface ChannelInput {
  readonly license: License;
  readonly policy: Policy;
  /** The fingerprint in keyed form, as the activation rule sees it. */
  readonly fingerprint: Pick<Fingerprint, "components">;
  /** How the fingerprint came: in full (online, license file) or compactly (phone); full by default. */
  readonly form?: FingerprintForm | undefined;
  /**
   * The predecessor collector's sets the machine was recognised by in a collector migration (only sets the
   * matching trusted: see `migrationSets`), so a bound part read differently by the new collector is followed.
   */
  readonly migratedFrom?: readonly Pick<ComponentSet, "components">[] | undefined;
  readonly now: Date;
  /**
   * Trial licenses: the marks this machine leaves (`trialMarkSets(…).record`) and the licenses that left any of
   * the marks it looks up (`.check`) before.
   */
  readonly trial?: { readonly marks: readonly string[]; readonly takenBy: readonly string[] } | undefined;
  /** Upgrade licenses: the base the request named, if any (see `BaseCandidate`). */
  readonly base?: BaseCandidate | undefined;
}

/** What an allowed activation writes for its channel: a binding, trial marks, an upgrade's base consumed. */
export interface ChannelEffect {
  readonly binding: BindingOutcome;
  /** Marks to remember for this license (trial licenses); empty otherwise. */
  readonly trialMarks: readonly string[];
  readonly upgrade: UpgradeOutcome;
}

/**
 * The channel's own rules for one activation, after the activation rule let it through (same device or a free
 * slot): OEM and bundle bindings, one trial per machine, an upgrade's base. Pure: the caller writes the effect.
 * Every path that admits a device (online, phone, license file, transfer) asks this same rule
 * (`admitDevice` in the server); a phone activation names no base, so an upgrade's first one needs its base.
 * Retail, volume and subscription licenses have no rule here: retail moves by transfer within the allowance,
 * volume is the device limit, subscription is the license's expiry (see `billing.ts`).
 * @example
 * const channel = decideChannel({ license, policy, fingerprint, now, trial, base });
 * if (!channel.ok) refuse(channel.error);
 */
export function decideChannel(input: ChannelInput): Result<ChannelEffect> {
  const binding = judgeBinding(
    input.license,
    input.policy,
    input.fingerprint,
    input.form,
    input.migratedFrom,
  );
  if (!binding.ok) return binding;
  let trialMarks: readonly string[] = [];
  if (input.policy.channel === "trial") {
    const marks = input.trial?.marks ?? [];
    const judged = judgeTrial(input.license.id, marks, input.trial?.takenBy ?? []);
    if (!judged.ok) return judged;
    trialMarks = marks;
  }
  const upgrade = judgeUpgrade(input.license, input.policy, input.base, input.now);
  if (!upgrade.ok) return upgrade;
  return ok({ binding: binding.value, trialMarks, upgrade: upgrade.value });
}
