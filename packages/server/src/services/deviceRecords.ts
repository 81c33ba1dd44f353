import {
  type Device,
  expiryFrom,
  fail,
  type License,
  type LineageEvent,
  type MatchExplanation,
  newId,
  type Policy,
  type Problem,
} from "@ninsho/core";
import type { Repositories } from "@ninsho/store";

/** The decision as shown to the client and kept in the timeline. */
export type DecisionView =
  | ({ readonly outcome: "recognized"; readonly deviceId: string } & MatchExplanation)
  | { readonly outcome: "new_device"; readonly closest?: { readonly deviceId: string } & MatchExplanation };

/** Where an activation decided under the license lock is written, and who it is recorded for. */
export interface ActivationRecord {
  readonly tx: Repositories;
  readonly license: License;
  readonly policy: Policy;
  readonly now: Date;
  readonly actor: (device: Device) => string;
  readonly reason?: string | undefined;
  /** Extra facts for the timeline entry (e.g. `method: "phone"`). */
  readonly data?: Readonly<Record<string, unknown>>;
}

const event = (
  record: ActivationRecord,
  device: Device,
  type: "device.recognized" | "device.activated",
  data: object,
) =>
  record.tx.events.append({
    id: newId("event"),
    licenseId: record.license.id,
    type,
    actor: record.actor(device),
    ...(record.reason === undefined ? {} : { reason: record.reason }),
    data: { deviceId: device.id, ...data, ...record.data },
    createdAt: record.now.toISOString(),
  });

/** How a recognition went on the device's lineage: a new one replacing every earlier lease, and any strike. */
export interface LineageNote {
  readonly superseded?: boolean;
  readonly event?: LineageEvent | undefined;
}

/**
 * Write a recognised device as it now is (rolling baseline, new lease counters) and its timeline entry, with
 * the strike its lease raised if any. Shared by online, phone and file activation, so all three keep the same
 * records.
 */
export async function recordRecognized(
  record: ActivationRecord,
  device: Device,
  explanation: MatchExplanation,
  lineage: LineageNote = {},
): Promise<DecisionView> {
  await record.tx.devices.update(device.id, device);
  const view: DecisionView = { outcome: "recognized", deviceId: device.id, ...explanation };
  const superseded = lineage.superseded === true ? { lineage: "superseded" } : {};
  await event(record, device, "device.recognized", { decision: view, ...superseded });
  if (lineage.event) await lineageEvent(record, device, lineage.event);
  return view;
}

/**
 * A re-activation of a forked device: refused with DEVICE_FORKED (a key never undoes a fork). When this very
 * request established the fork, the fork is written to the device and the timeline first.
 */
export async function recordFork(
  record: ActivationRecord,
  decision: { readonly device: Device; readonly next?: Device; readonly event?: LineageEvent },
): Promise<{ ok: false; error: Problem }> {
  const forked = decision.next ?? decision.device;
  if (decision.next) await record.tx.devices.update(forked.id, decision.next);
  if (decision.event) await lineageEvent(record, forked, decision.event);
  const refused = fail("DEVICE_FORKED", undefined, { deviceId: forked.id, forkedAt: forked.forkedAt });
  await record.tx.events.append({
    id: newId("event"),
    licenseId: record.license.id,
    type: "activation.refused",
    actor: "system",
    reason: "DEVICE_FORKED",
    data: { details: refused.error.details },
    createdAt: record.now.toISOString(),
  });
  return refused;
}

const lineageEvent = (record: ActivationRecord, device: Device, e: LineageEvent) =>
  appendLineageEvent(record.tx, record.license.id, record.actor(device), device, e, record.now);

/**
 * A stale or superseded lease in the timeline: the first strike (`device.fork_suspected`) or the second
 * (`device.forked`), with the counters it was judged on.
 * @example
 * await appendLineageEvent(tx, license.id, `device:${device.id}`, device, decision.event, now);
 */
export const appendLineageEvent = (
  tx: Pick<Repositories, "events">,
  licenseId: string,
  actor: string,
  device: Device,
  e: LineageEvent,
  now: Date,
) =>
  tx.events.append({
    id: newId("event"),
    licenseId,
    type: e.type,
    actor,
    reason: e.reason,
    data: { deviceId: device.id, presentedCounter: e.presentedCounter, counters: e.counters },
    createdAt: now.toISOString(),
  });

/** Write a new device in a free slot, the license's first activation if it is one, and the timeline entry. */
export async function recordNewDevice(
  record: ActivationRecord,
  device: Device,
  closest: { readonly deviceId: string; readonly explanation: MatchExplanation } | undefined,
): Promise<{ license: License; view: DecisionView }> {
  await record.tx.devices.insert(device);
  const license = await firstActivation(record.tx, record.license, record.policy, record.now);
  const view: DecisionView = {
    outcome: "new_device",
    ...(closest ? { closest: { deviceId: closest.deviceId, ...closest.explanation } } : {}),
  };
  await event(record, device, "device.activated", {
    name: device.name,
    platform: device.platform,
    decision: view,
  });
  return { license, view };
}

/**
 * On a license's first device, set its first activation and the expiry its policy counts from it.
 * @example
 * const license = await firstActivation(tx, locked, policy, now);
 */
export async function firstActivation(
  tx: Repositories,
  license: License,
  policy: Policy,
  now: Date,
): Promise<License> {
  if (license.firstActivatedAt !== undefined) return license;
  const at = now.toISOString();
  const expiresAt = license.expiresAt ?? expiryFrom(policy.expiry, now);
  await tx.licenses.update(license.id, {
    firstActivatedAt: at,
    ...(expiresAt === undefined ? {} : { expiresAt }),
  });
  return { ...license, firstActivatedAt: at, ...(expiresAt === undefined ? {} : { expiresAt }) };
}
