import { type License, newId, type Problem } from "@ninsho/core";
import type { ServerDeps } from "../deps.js";

/** Timeline entries a support request carries: the last ones, enough for support to read what happened. */
const TIMELINE_ENTRIES = 200;

/** What the owner asked for when they were refused: the device to replace and the machine they are on. */
export interface RefusedMove {
  readonly replacesDeviceId: string;
  readonly device: { readonly name: string; readonly platform: string };
  /** How the owner proved it: signed in to this account, or the key with a mailed code. */
  readonly proof: "account" | "code";
  readonly accountId?: string | undefined;
}

/**
 * Open a support request for a self-service transfer refused past the allowance, with the full context support
 * needs to act without asking again: the refusal, the move asked for, the license's devices, and its timeline
 * (refusals with their explanations, earlier transfers). The request also goes on the license's timeline. Its
 * id comes back in the refusal the owner reads (`request`), so both sides speak of the same request.
 * @example
 * const problem = await openTransferSupportRequest(deps, license, refusal, move);
 */
export async function openTransferSupportRequest(
  deps: ServerDeps,
  license: License,
  refusal: Problem,
  move: RefusedMove,
): Promise<Problem> {
  const at = deps.clock().toISOString();
  const [devices, events] = await Promise.all([
    deps.store.devices.listAll(license.id),
    deps.store.events.listByLicense(license.id),
  ]);
  const id = newId("support");
  const context = {
    refusal: { code: refusal.code, ...(refusal.details ? { details: refusal.details } : {}) },
    request: { replacesDeviceId: move.replacesDeviceId, newDevice: move.device, proof: move.proof },
    devices: devices.map((d) => ({
      id: d.id,
      name: d.name,
      platform: d.platform,
      activatedAt: d.activatedAt,
      lastSeenAt: d.lastSeenAt,
      ...(d.deactivatedAt === undefined ? {} : { deactivatedAt: d.deactivatedAt }),
      ...(d.forkedAt === undefined ? {} : { forkedAt: d.forkedAt }),
    })),
    timeline: events.slice(-TIMELINE_ENTRIES).map((e) => ({
      type: e.type,
      actor: e.actor,
      ...(e.reason === undefined ? {} : { reason: e.reason }),
      data: e.data,
      createdAt: e.createdAt,
    })),
  };
  await deps.store.transaction(async (tx) => {
    await tx.supportRequests.insert({
      id,
      licenseId: license.id,
      ...(move.accountId === undefined ? {} : { accountId: move.accountId }),
      kind: "transfer_allowance",
      status: "open",
      context,
      createdAt: at,
    });
    await tx.events.append({
      id: newId("event"),
      licenseId: license.id,
      type: "support.requested",
      actor: move.accountId === undefined ? "owner:code" : `account:${move.accountId}`,
      reason: "transfer refused past the allowance",
      data: { supportRequestId: id, code: refusal.code, replacesDeviceId: move.replacesDeviceId },
      createdAt: at,
    });
  });
  const details = typeof refusal.details === "object" && refusal.details !== null ? refusal.details : {};
  return { ...refusal, params: { ...refusal.params, request: id }, details: { ...details, request: id } };
}
