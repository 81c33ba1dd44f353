import {
  type ChannelEffect,
  type Fingerprint,
  type FingerprintForm,
  ok,
  type Policy,
  type Result,
} from "@ninsho/core";
import type { ServerDeps } from "../deps.js";
import { type ActivationWrite, type WrittenActivation, writeActivation } from "./activationWrite.js";
import { judgeChannel, type NamedBase, writeChannel } from "./channels.js";
import type { ActivationRecord } from "./deviceRecords.js";

/** What the channel rules need beside the activation's record: the machine as it asks, and a named base. */
export interface Admission {
  readonly deps: ServerDeps;
  /** The activation's record: its transaction (holding the license lock), the locked license, its policy. */
  readonly record: ActivationRecord;
  /** Keyed (online, license file, transfer) or compact `c1.` digests (phone). */
  readonly fingerprint: Fingerprint;
  readonly form: FingerprintForm;
  /** Upgrade licenses, first activation: the base the request named (online only). */
  readonly base?: NamedBase;
}

/** Whether the channel has a say: a device let in (recognised, new, or moved into a transferable slot). */
const admits = (write: ActivationWrite, policy: Policy): boolean =>
  write.kind === "recognized" ||
  write.kind === "new" ||
  // A policy that allows no transfer is refused as such (TRANSFER_NOT_ALLOWED) by the slot's write.
  (write.kind === "transfer" && policy.transferable);

/**
 * The predecessor's sets a recognised machine was matched by (a collector migration: its explanation names the
 * older collector, and recognition compared only the sets `migrationSets` lets count), for the channel's binding.
 */
function migratedFrom(write: ActivationWrite, fingerprint: Fingerprint): Fingerprint["previous"] {
  if (write.kind !== "recognized" || write.explanation.collector === fingerprint.collector) return [];
  return (fingerprint.previous ?? []).filter((set) => set.collector === write.explanation.collector);
}

/**
 * The one way in: every path that admits a device — online activation, phone confirmation, license file,
 * transfer — writes what the activation rule decided through here, under the same license lock. When the rule
 * let the machine in, the channel's rules are read and decided (`judgeChannel`, pure `decideChannel` in core): a
 * refusal is written as any other refusal (`activation.refused` with its code and details, the method when
 * offline) and nothing is admitted; else the activation is written and then the channel's effect (binding,
 * trial marks, consumed base) with its timeline events, in the same transaction.
 * Attacker: a user who takes the offline path (phone, license file) or a transfer to dodge a channel rule the
 * online path enforces — an OEM key onto a new board, a second trial, an upgrade without its base.
 * @example
 * const written = await admitDevice({ deps, record, fingerprint, form: "compact" }, write);
 */
export async function admitDevice(
  admission: Admission,
  write: ActivationWrite,
): Promise<Result<WrittenActivation>> {
  const { deps, record } = admission;
  let decided = write;
  let effect: ChannelEffect | undefined;
  if (admits(write, record.policy)) {
    const judged = await judgeChannel({
      tx: record.tx,
      deps,
      license: record.license,
      policy: record.policy,
      fingerprint: admission.fingerprint,
      form: admission.form,
      now: record.now,
      base: admission.base,
      migratedFrom: migratedFrom(write, admission.fingerprint),
    });
    if (judged.ok) effect = judged.value;
    else decided = { kind: "refused", problem: judged.error };
  }
  const written = await writeActivation(record, decided);
  if (!written.ok || effect === undefined) return written;
  const { device } = written.value;
  const license = await writeChannel(
    record.tx,
    written.value.license,
    effect,
    record.now,
    record.actor(device),
  );
  return ok({ ...written.value, license });
}
