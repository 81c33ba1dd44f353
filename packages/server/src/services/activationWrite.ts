import {
  type Component,
  type Device,
  issueNextLease,
  type License,
  type LineageEvent,
  type MatchExplanation,
  newId,
  ok,
  type Problem,
  type Result,
} from "@ninsho/core";
import {
  type ActivationRecord,
  type DecisionView,
  type LineageNote,
  recordFork,
  recordNewDevice,
  recordRecognized,
} from "./deviceRecords.js";
import { recordRefusal } from "./events.js";
import { type TransferProofKind, takeSlotByTransfer } from "./transferSlot.js";

/**
 * What an activation decided under the license lock, to be written: the same device recognised (as it now is),
 * a new device in a free slot, a new device taking an old one's slot by transfer, a refusal (kept in the
 * timeline), or a forked device refused.
 */
export type ActivationWrite =
  | {
      readonly kind: "recognized";
      readonly device: Device;
      readonly explanation: MatchExplanation;
      readonly lineage?: LineageNote;
    }
  | {
      readonly kind: "new";
      readonly device: Device;
      readonly closest?: { readonly deviceId: string; readonly explanation: MatchExplanation } | undefined;
    }
  | {
      readonly kind: "transfer";
      readonly device: Device;
      readonly fromDeviceId: string;
      readonly reason: string;
      readonly method?: "phone" | "file" | undefined;
      /** How the owner proved the move (self-service), for the timeline and DEVICE_REPLACED. */
      readonly by?: TransferProofKind | undefined;
    }
  | { readonly kind: "refused"; readonly problem: Problem }
  | {
      readonly kind: "forked";
      readonly device: Device;
      readonly next?: Device | undefined;
      readonly event?: LineageEvent | undefined;
    };

/** What was written: the license (its first activation set if this was one) and the device as stored. */
export interface WrittenActivation {
  readonly license: License;
  readonly device: Device;
  /** True when a slot was taken (a new device, or one moved by transfer). */
  readonly created: boolean;
  readonly decision?: DecisionView;
  readonly transferredFrom?: string;
  readonly transfersLeft?: number;
}

/**
 * The one write path of every activation — online, by phone, by license file, and transfers — so all of them
 * keep the same device rows, lease lineage and timeline entries. Runs in the caller's transaction, which holds
 * the license lock. A forked device comes back as the DEVICE_FORKED refusal (its fork written first when this
 * request established it).
 * @example
 * const written = await writeActivation(record, { kind: "new", device, closest });
 */
export async function writeActivation(
  record: ActivationRecord,
  write: ActivationWrite,
): Promise<Result<WrittenActivation>> {
  switch (write.kind) {
    case "refused":
      await recordRefusal(record.tx, record.license.id, write.problem, record.now.toISOString(), record.data);
      return { ok: false, error: write.problem };
    case "forked":
      return recordFork(record, {
        device: write.device,
        ...(write.next ? { next: write.next } : {}),
        ...(write.event ? { event: write.event } : {}),
      });
    case "recognized": {
      const decision = await recordRecognized(record, write.device, write.explanation, write.lineage);
      return ok({ license: record.license, device: write.device, created: false, decision });
    }
    case "new": {
      const { license, view } = await recordNewDevice(record, write.device, write.closest);
      return ok({ license, device: write.device, created: true, decision: view });
    }
    case "transfer": {
      const moved = await takeSlotByTransfer(record.tx, {
        license: record.license,
        policy: record.policy,
        fromDeviceId: write.fromDeviceId,
        device: write.device,
        actor: record.actor(write.device),
        reason: write.reason,
        method: write.method,
        by: write.by,
        now: record.now,
      });
      if (!moved.ok) return moved;
      return ok({
        license: record.license,
        device: write.device,
        created: true,
        transferredFrom: write.fromDeviceId,
        transfersLeft: moved.value.transfersLeft,
      });
    }
  }
}

/**
 * A device as a new activation writes it (a free slot or a transfer): a fresh id, its first lease lineage, the
 * components to store (keyed) and the digest its lease binds (of what the client sent).
 * @example
 * const device = newDeviceRecord(license.id, { name, platform, collector }, components, presentedDigest(fp), now);
 */
export function newDeviceRecord(
  licenseId: string,
  info: { readonly name: string; readonly platform: string; readonly collector: string },
  components: Component[],
  boundDigest: string,
  now: Date,
): Device {
  const at = now.toISOString();
  return {
    id: newId("device"),
    licenseId,
    name: info.name,
    platform: info.platform,
    collector: info.collector,
    components,
    fingerprintDigest: boundDigest,
    leaseCounters: issueNextLease({ issued: 0, issuedFrom: 0 }),
    leaseIssuedAt: at,
    activatedAt: at,
    lastSeenAt: at,
  };
}
