import {
  type BaseCandidate,
  type ChannelEffect,
  closestDevice,
  decideChannel,
  type Fingerprint,
  type FingerprintForm,
  fail,
  type License,
  newId,
  ok,
  type Policy,
  type Result,
  trialMarkSets,
} from "@ninsho/core";
import type { LicensePatch, Repositories } from "@ninsho/store";
import type { ServerDeps } from "../deps.js";
import { findLicenseByKey } from "./licenseByKey.js";

/** How an activation of an upgrade names its base: by key (held) or by id (activated on this machine). */
export interface BaseNaming {
  readonly baseKey?: string | undefined;
  readonly baseLicenseId?: string | undefined;
}

/** The base as named, resolved before the transaction (a key lookup hashes): its id and how it was named. */
export type NamedBase = { readonly id: string; readonly namedBy: "key" | "id" } | undefined;

/**
 * Resolve the base a request names, outside the transaction. A key that names no license is refused as the
 * base not found (UPGRADE_BASE_INVALID), never as the upgrade's own key.
 * @example
 * const base = await nameBase(deps, { baseKey: body.baseKey });
 */
export async function nameBase(deps: ServerDeps, naming: BaseNaming): Promise<Result<NamedBase>> {
  if (naming.baseKey !== undefined) {
    const found = await findLicenseByKey(deps, naming.baseKey);
    if (!found.ok) return fail("UPGRADE_BASE_INVALID", { why: "missing" });
    return ok({ id: found.value.id, namedBy: "key" });
  }
  if (naming.baseLicenseId !== undefined) return ok({ id: naming.baseLicenseId, namedBy: "id" });
  return ok(undefined);
}

/** What the channel rules read for one activation, under the license lock. */
export interface ChannelRead {
  readonly tx: Repositories;
  readonly deps: ServerDeps;
  readonly license: License;
  readonly policy: Policy;
  /** Keyed, as the activation rule sees it (compact `c1.` digests by phone). */
  readonly fingerprint: Fingerprint;
  /** How the fingerprint came: in full (online, license file, transfer) or compactly (phone). */
  readonly form?: FingerprintForm | undefined;
  readonly now: Date;
  readonly base?: NamedBase;
  /** A recognised machine's predecessor sets in a collector migration (see `ChannelInput.migratedFrom`). */
  readonly migratedFrom?: Fingerprint["previous"];
}

/**
 * Read what the channel's rules need (the machine's trial marks and who left them, the named base under its
 * lock and whether it runs on this machine) and decide (`decideChannel` in core).
 * @example
 * const channel = await judgeChannel({ tx, deps, license, policy, fingerprint, now, base });
 */
export async function judgeChannel(read: ChannelRead): Promise<Result<ChannelEffect>> {
  const { tx, license, policy, fingerprint, now } = read;
  const form = read.form ?? "full";
  let trial: { marks: readonly string[]; takenBy: string[] } | undefined;
  if (policy.channel === "trial") {
    const sets = trialMarkSets(read.deps.secrets.componentDigests, license.productId, fingerprint, form);
    trial = { marks: sets.record, takenBy: await tx.trialMarks.takenBy(license.productId, sets.check) };
  }
  let base: BaseCandidate | undefined;
  if (policy.channel === "upgrade" && license.baseLicenseId === undefined && read.base !== undefined) {
    const found = await tx.licenses.lockById(read.base.id);
    if (!found) return fail("UPGRADE_BASE_INVALID", { why: "missing" });
    base = { license: found, namedBy: read.base.namedBy, onThisMachine: await runsHere(read, found) };
  }
  return decideChannel({
    license,
    policy,
    fingerprint,
    form,
    now,
    trial,
    base,
    migratedFrom: read.migratedFrom,
  });
}

/** Whether the base license holds an activation on the machine that asks (its own policy's matching). */
async function runsHere(read: ChannelRead, base: License): Promise<boolean> {
  const basePolicy = await read.deps.policies.get(base.policyId);
  if (!basePolicy) return false;
  const devices = await read.tx.devices.listActive(base.id);
  return closestDevice(devices, read.fingerprint, basePolicy, read.now)?.explanation.sameDevice === true;
}

/**
 * Write what an allowed activation's channel decided, in the same transaction as the activation: the binding
 * (or the warranty repair it used up), the trial marks, the consumed base; each in the timeline. Returns the
 * license as it now is.
 * @example
 * const license = await writeChannel(tx, written.license, effect, now, `device:${device.id}`);
 */
export async function writeChannel(
  tx: Repositories,
  license: License,
  effect: ChannelEffect,
  now: Date,
  actor: string,
): Promise<License> {
  const at = now.toISOString();
  const event = (
    licenseId: string,
    type: "license.bound" | "license.rebound" | "license.base_consumed",
    data: object,
    reason?: string,
  ) =>
    tx.events.append({
      id: newId("event"),
      licenseId,
      type,
      actor,
      ...(reason ? { reason } : {}),
      data: { ...data },
      createdAt: at,
    });
  let patch: LicensePatch = {};
  let next: License = license;
  const binding = effect.binding;
  if (binding.kind !== "unbound" && binding.kind !== "kept") {
    patch = { boundComponent: binding.bound, ...(binding.kind === "rebind" ? { warrantyRepair: null } : {}) };
    const { warrantyRepair: _used, ...rest } = next;
    next = { ...(binding.kind === "rebind" ? rest : next), boundComponent: binding.bound };
    if (binding.kind === "bind") await event(license.id, "license.bound", { kind: binding.bound.kind });
    // The same part, first known by phone (a few bits), now seen in full: bound by its full digest from now on.
    else if (binding.kind === "sharpen")
      await event(license.id, "license.bound", { kind: binding.bound.kind, sharpened: true });
    // The same part, read by a newer collector (an SDK or OS update): bound by the digest it reads now.
    else if (binding.kind === "migrate")
      await event(license.id, "license.bound", { kind: binding.bound.kind, migrated: true });
    else
      await event(
        license.id,
        "license.rebound",
        { kind: binding.bound.kind, repair: binding.repair },
        binding.repair.reason,
      );
  }
  if (effect.trialMarks.length > 0)
    await tx.trialMarks.record(license.productId, effect.trialMarks, license.id, at);
  if (effect.upgrade.kind === "consume") {
    const base = effect.upgrade.base;
    patch = { ...patch, baseLicenseId: base.id };
    next = { ...next, baseLicenseId: base.id };
    await tx.licenses.update(base.id, { consumedBy: license.id });
    await event(license.id, "license.base_consumed", { baseLicenseId: base.id });
    await event(base.id, "license.base_consumed", { upgradeLicenseId: license.id });
  }
  await tx.licenses.update(license.id, patch);
  return next;
}
