import {
  type Device,
  type Fingerprint,
  fail,
  type License,
  licenseRefusal,
  ok,
  presentedDigest,
  type Result,
} from "@ninsho/core";
import type { ServerDeps } from "../deps.js";
import { checkTransferCode } from "../transfers/codes.js";
import { openTransferSupportRequest } from "../transfers/support.js";
import { secretOf } from "./activate.js";
import { newDeviceRecord } from "./activationWrite.js";
import { admitDevice } from "./admission.js";
import { issueRecorded } from "./leaseRecord.js";
import type { IssuedLease } from "./leases.js";

/** How the caller proved the license is theirs: a session of the account that owns it, or a mailed code. */
export type TransferProof =
  | { readonly kind: "account"; readonly accountId: string }
  | { readonly kind: "code"; readonly code: string };

export interface TransferRequest {
  /** The license, already found by the key or among the signed-in account's licenses. */
  readonly license: License;
  readonly proof: TransferProof;
  /** The device whose slot the new machine takes (it is deactivated in the same transaction). */
  readonly replacesDeviceId: string;
  /** The new machine's fingerprint (keyed for storage) and what its lease binds. */
  readonly fingerprint: Fingerprint;
  readonly device: { readonly name: string; readonly platform: string };
  /** The new machine's device secret in clear (its proof checked by the route); sealed here. */
  readonly deviceSecret?: string | undefined;
  /** The fingerprint as the client sent it, for the digest its lease binds. */
  readonly presented: Fingerprint;
}

export interface Transfer {
  readonly device: Device;
  readonly lease: IssuedLease;
  /** The device the new machine replaces (now deactivated). */
  readonly replacesDeviceId: string;
  readonly transfersLeft: number;
  readonly productId: string;
}

/**
 * Self-service move of a license to a new machine by its proven owner (signed in, or the key with the code
 * mailed to the owner), within the policy's allowance (transfers per 365 days and a cool-down). The old device
 * is deactivated in the same transaction and, at its next contact, refused with DEVICE_REPLACED. A wrong code
 * counts a try and moves nothing; a right one is used up by the move. Past the allowance the refusal
 * (TRANSFER_ALLOWANCE_EXHAUSTED) opens a support request with the full context and names it.
 * @example
 * const moved = await transfer(deps, { license, proof: { kind: "account", accountId }, replacesDeviceId, … });
 */
export async function transfer(deps: ServerDeps, request: TransferRequest): Promise<Result<Transfer>> {
  const found = request.license;
  const policy = await deps.policies.forLicense(found);
  const key = await deps.keyring.signingKeyFor(found.productId);
  if (!policy || !key) throw new Error(`license ${found.id} has no policy or signing key`);
  const now = deps.clock();
  const { proof } = request;
  const done = await deps.store.transaction(async (tx) => {
    const license = await tx.licenses.lockById(found.id);
    if (!license) return fail("LICENSE_NOT_FOUND", { licenseId: found.id });
    if (proof.kind === "code") {
      const checked = await checkTransferCode(deps, tx, license.id, proof.code);
      if (!checked.ok) return checked;
    }
    // A license that may not be used may not be moved either: a transfer issues a lease.
    const refusal = licenseRefusal(license, now);
    if (refusal) return { ok: false as const, error: refusal };
    const info = { ...request.device, collector: request.fingerprint.collector };
    const bound = presentedDigest(request.presented);
    const created = newDeviceRecord(license.id, info, request.fingerprint.components, bound, now);
    // The new machine's own device secret (its proof checked by the route): the old device's moves nowhere.
    const device: Device = { ...created, ...secretOf(deps.secrets, request, created.id) };
    const actor = proof.kind === "account" ? () => `account:${proof.accountId}` : () => "owner:code";
    const record = { tx, license, policy, now, actor };
    const reason =
      proof.kind === "account" ? "self-service transfer, signed in" : "self-service transfer, mailed code";
    // Nor may it land where its channel forbids (an OEM board, a bundle's part, a machine that ran a trial):
    // the same rule as every other way in, written the same way.
    const admission = { deps, record, fingerprint: request.fingerprint, form: "full" as const };
    const written = await admitDevice(admission, {
      kind: "transfer",
      device,
      fromDeviceId: request.replacesDeviceId,
      reason,
      by: proof.kind,
    });
    if (!written.ok) return written;
    if (proof.kind === "code") await tx.transferCodes.remove(license.id);
    const issued = { key, license: written.value.license, policy, device: written.value.device };
    return ok({ ...written.value, lease: await issueRecorded(deps, tx, issued) });
  });
  if (!done.ok) {
    if (done.error.code !== "TRANSFER_ALLOWANCE_EXHAUSTED") return done;
    const move = {
      replacesDeviceId: request.replacesDeviceId,
      device: request.device,
      proof: proof.kind,
      accountId: proof.kind === "account" ? proof.accountId : undefined,
    };
    return { ok: false, error: await openTransferSupportRequest(deps, found, done.error, move) };
  }
  const { license, device, transfersLeft = 0, lease } = done.value;
  return ok({
    device,
    replacesDeviceId: request.replacesDeviceId,
    transfersLeft,
    productId: license.productId,
    lease,
  });
}
