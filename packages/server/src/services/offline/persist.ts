import {
  type ActivationDecision,
  type Component,
  type Device,
  decideActivationBy,
  type Fingerprint,
  type FingerprintForm,
  fingerprintDigest,
  forkGuardRefusal,
  holdsLiveLine,
  issueNextLease,
  type License,
  licenseRefusal,
  type MatchExplanation,
  ok,
  type Policy,
  type Problem,
  type Result,
} from "@ninsho/core";
import type { OfflineActivationRecord, Repositories } from "@ninsho/store";
import type { ServerDeps } from "../../deps.js";
import type { OwnerEvidence } from "../../transfers/ownership.js";
import { type ActivationWrite, newDeviceRecord } from "../activationWrite.js";
import { admitDevice } from "../admission.js";
import type { DecisionView } from "../deviceRecords.js";
import { recordRefusal } from "../events.js";
import type { TransferProofKind } from "../transferSlot.js";

/**
 * Who asked: the device's owner (self-service; a move of the license needs their proof: a session of the owning
 * account or a mailed code, see `proveOwnership`) or support staff for a caller.
 */
export type OfflineActor =
  | { readonly kind: "device"; readonly owner?: OwnerEvidence | undefined }
  | { readonly kind: "support"; readonly tokenId: string };

/** One offline activation to decide and record, whatever carried it (installation ID or request file). */
export interface OfflineActivation {
  readonly license: License;
  readonly policy: Policy;
  /** `iid:<data digits>` or `file:<request digest>`: the same request gets the same answer. */
  readonly requestId: string;
  readonly method: "phone" | "file";
  readonly actor: OfflineActor;
  readonly reason?: string;
  /** When the license is full: the device this machine replaces, within the policy's transfer allowance. */
  readonly transferFromDeviceId?: string;
  /** How the owner proved a move (self-service), for the timeline and the old device's DEVICE_REPLACED. */
  readonly by?: TransferProofKind | undefined;
  readonly device: { readonly name: string; readonly platform: string; readonly collector: string };
  /**
   * The machine as the channel rules see it: keyed digests from a request file (`full`), or the installation
   * ID's compact fingerprint as `c1.` digests (`compact`; see `judgeBinding` and `trialMarkSets` in core).
   */
  readonly fingerprint: Fingerprint;
  readonly form: FingerprintForm;
  /** How a stored device compares with the request's fingerprint (compact or full matcher). */
  readonly explain: (device: Device) => MatchExplanation;
  /** The components to store: for a new device (`undefined`) or after recognising `stored`. */
  readonly components: (stored: Device | undefined) => Component[];
  /**
   * The digest leases bind, of the fingerprint as the client sent it (a request file's, before keying); by
   * default the digest of the stored components (a phone activation's compact ones).
   */
  readonly presentedDigest?: string;
  /** The answer to give and keep (signed inside the transaction, so it is stored with the decision). */
  readonly answer: (license: License, device: Device) => Record<string, unknown>;
  /** The digest of the lease the answer carries, if it carries one: kept in the device row (`leaseRecord.ts`). */
  readonly leaseDigest?: (license: License, device: Device) => string;
}

export interface OfflineOutcome {
  readonly license: License;
  readonly device: Device;
  readonly answer: Readonly<Record<string, unknown>>;
  /** True when a slot was taken (a new device, or one moved by transfer). */
  readonly created: boolean;
  /** True when this request was answered before: the same answer, no slot taken. */
  readonly replayed: boolean;
  readonly decision?: DecisionView;
  readonly transferredFrom?: string;
}

/**
 * Decide an offline activation under exactly the rules of an online one — license state, device limit, match
 * threshold, transfer allowance, the channel's rules (`admitDevice`) — in one transaction holding the license lock, and record it in the timeline
 * (`device.activated` / `device.recognized` / `device.transferred` with `data.method`, or `activation.refused`).
 * A request already answered gets its answer again and takes no second slot.
 * @example
 * const done = await activateOffline(deps, { license, policy, requestId, method: "phone", … });
 */
export function activateOffline(deps: ServerDeps, input: OfflineActivation): Promise<Result<OfflineOutcome>> {
  const now = deps.clock();
  const at = now.toISOString();
  return deps.store.transaction(async (tx): Promise<Result<OfflineOutcome>> => {
    const license = await tx.licenses.lockById(input.license.id);
    if (!license) throw new Error(`license ${input.license.id} vanished`);
    const refusal = licenseRefusal(license, now);
    if (refusal) {
      await recordRefusal(tx, license.id, refusal, at, { method: input.method });
      return { ok: false, error: refusal };
    }
    const previous = await tx.offline.findActivation(input.requestId);
    if (previous) return replay(tx, license, previous);
    const devices = await tx.devices.listActive(license.id);
    const decided = decideActivationBy({ license, policy: input.policy, devices, now }, input.explain);
    const actor = (device: Device) =>
      input.actor.kind === "device" ? `device:${device.id}` : `token:${input.actor.tokenId}`;
    const fresh = (): Device => {
      const components = input.components(undefined);
      const bound = input.presentedDigest ?? fingerprintDigest(components);
      return newDeviceRecord(license.id, input.device, components, bound, now);
    };
    const keep = async (device: Device, outcome: Omit<OfflineOutcome, "answer" | "replayed" | "device">) => {
      const answer = input.answer(outcome.license, device);
      const digest = input.leaseDigest?.(outcome.license, device);
      if (digest !== undefined && digest !== device.leaseDigest)
        await tx.devices.update(device.id, { leaseDigest: digest });
      const record: OfflineActivationRecord = {
        requestId: input.requestId,
        licenseId: license.id,
        deviceId: device.id,
        method: input.method,
        answer,
        createdAt: at,
      };
      await tx.offline.insertActivation(record);
      return ok({ ...outcome, device, answer, replayed: false });
    };
    const record = {
      tx,
      license,
      policy: input.policy,
      now,
      actor,
      reason: input.reason,
      data: { method: input.method },
    };
    // The channel's rules hold here as online: an OEM board, one trial per machine, an upgrade's base.
    const admission = { deps, record, fingerprint: input.fingerprint, form: input.form };
    const guarded = await forkGuard(tx, input, decided, now);
    const write: ActivationWrite = guarded
      ? { kind: "refused", problem: guarded }
      : offlineWrite(input, decided, fresh, now);
    const written = await admitDevice(admission, write);
    if (!written.ok) return written;
    return keep(written.value.device, {
      license: written.value.license,
      created: written.value.created,
      ...(written.value.decision ? { decision: written.value.decision } : {}),
      ...(written.value.transferredFrom ? { transferredFrom: written.value.transferredFrom } : {}),
    });
  });
}

/**
 * The guard after a fork, as online (core's `forkGuardRefusal`): an offline request carries no lease, so a
 * recognised device whose line is live would get a second copy running beside it by the key alone. Support
 * confirming for a caller has checked who asks, so only self-service requests are guarded. The license's forks
 * are read only in that case.
 */
async function forkGuard(
  tx: Repositories,
  input: OfflineActivation,
  decided: Result<ActivationDecision>,
  now: Date,
): Promise<Problem | undefined> {
  if (input.actor.kind !== "device" || !decided.ok || decided.value.outcome !== "recognized")
    return undefined;
  const { device } = decided.value;
  // A forked device is refused as such (DEVICE_FORKED); a line that stopped is no copy running.
  if (device.forkedAt !== undefined || !holdsLiveLine(device, input.policy, now)) return undefined;
  return forkGuardRefusal(device, await tx.devices.lastForkAt(device.licenseId), input.policy, now);
}

/**
 * What an offline decision writes: a recognised device (its components merged by the request's matcher, the
 * next lease counters; a forked one refused), a new device, or — on a full license, when the request names the
 * device it replaces — a transfer. A refusal is written as the refusal it is.
 */
function offlineWrite(
  input: OfflineActivation,
  decided: Result<ActivationDecision>,
  fresh: () => Device,
  now: Date,
): ActivationWrite {
  if (!decided.ok) {
    if (decided.error.code !== "DEVICE_LIMIT_REACHED" || input.transferFromDeviceId === undefined)
      return { kind: "refused", problem: decided.error };
    const reason = input.method === "phone" ? "transfer by phone activation" : "transfer by license file";
    const from = input.transferFromDeviceId;
    return {
      kind: "transfer",
      device: fresh(),
      fromDeviceId: from,
      reason,
      method: input.method,
      by: input.by,
    };
  }
  const decision = decided.value;
  if (decision.outcome === "new_device") return { kind: "new", device: fresh(), closest: decision.closest };
  // A phone or file activation never undoes a fork either: a transfer or support resolves it.
  if (decision.device.forkedAt !== undefined) return { kind: "forked", device: decision.device };
  const components = input.components(decision.device);
  const at = now.toISOString();
  const device: Device = {
    ...decision.device,
    collector: input.device.collector,
    components,
    fingerprintDigest: input.presentedDigest ?? fingerprintDigest(components),
    leaseCounters: issueNextLease(decision.device.leaseCounters),
    leaseIssuedAt: at,
    lastSeenAt: at,
  };
  return { kind: "recognized", device, explanation: decision.explanation };
}

/** The answer already given to a request, with its device as it is now. */
async function replay(
  tx: Repositories,
  license: License,
  previous: OfflineActivationRecord,
): Promise<Result<OfflineOutcome>> {
  const device = await tx.devices.findById(previous.deviceId);
  if (!device) throw new Error(`device ${previous.deviceId} of an offline answer vanished`);
  return ok({ license, device, answer: previous.answer, created: false, replayed: true });
}
