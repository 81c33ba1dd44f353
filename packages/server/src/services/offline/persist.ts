import {
  type Component,
  type Device,
  decideActivationBy,
  fingerprintDigest,
  issueNextLease,
  type License,
  licenseRefusal,
  type MatchExplanation,
  newId,
  ok,
  type Policy,
  type Result,
} from "@ninsho/core";
import type { OfflineActivationRecord, Repositories } from "@ninsho/store";
import type { ServerDeps } from "../../deps.js";
import { type DecisionView, recordFork, recordNewDevice, recordRecognized } from "../deviceRecords.js";
import { recordRefusal } from "../events.js";
import { takeSlotByTransfer } from "./transferSlot.js";

/** Who asked: the device's owner (self-service) or support staff for a caller. */
export type OfflineActor =
  | { readonly kind: "device" }
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
  readonly device: { readonly name: string; readonly platform: string; readonly collector: string };
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
 * threshold, transfer allowance — in one transaction holding the license lock, and record it in the timeline
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
      await recordRefusal(tx, license.id, refusal, at);
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
      return {
        id: newId("device"),
        licenseId: license.id,
        ...input.device,
        components,
        fingerprintDigest: input.presentedDigest ?? fingerprintDigest(components),
        leaseCounters: issueNextLease({ issued: 0, issuedFrom: 0 }),
        leaseIssuedAt: at,
        activatedAt: at,
        lastSeenAt: at,
      };
    };
    const keep = async (device: Device, outcome: Omit<OfflineOutcome, "answer" | "replayed" | "device">) => {
      const answer = input.answer(outcome.license, device);
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
    if (!decided.ok) {
      if (decided.error.code !== "DEVICE_LIMIT_REACHED" || input.transferFromDeviceId === undefined) {
        await recordRefusal(tx, license.id, decided.error, at);
        return decided;
      }
      const device = fresh();
      const moved = await takeSlotByTransfer(tx, {
        license,
        policy: input.policy,
        fromDeviceId: input.transferFromDeviceId,
        device,
        actor: actor(device),
        method: input.method,
        now,
      });
      if (!moved.ok) return moved;
      return keep(device, { license, created: true, transferredFrom: input.transferFromDeviceId });
    }
    const decision = decided.value;
    const record = {
      tx,
      license,
      policy: input.policy,
      now,
      actor,
      reason: input.reason,
      data: { method: input.method },
    };
    if (decision.outcome === "recognized" && decision.device.forkedAt !== undefined) {
      // A phone or file activation never undoes a fork either: a transfer or support resolves it.
      return recordFork(record, { device: decision.device });
    }
    if (decision.outcome === "recognized") {
      const components = input.components(decision.device);
      const device: Device = {
        ...decision.device,
        collector: input.device.collector,
        components,
        fingerprintDigest: input.presentedDigest ?? fingerprintDigest(components),
        leaseCounters: issueNextLease(decision.device.leaseCounters),
        leaseIssuedAt: at,
        lastSeenAt: at,
      };
      const view = await recordRecognized(record, device, decision.explanation);
      return keep(device, { license, created: false, decision: view });
    }
    const device = fresh();
    const activated = await recordNewDevice(record, device, decision.closest);
    return keep(device, { license: activated.license, created: true, decision: activated.view });
  });
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
