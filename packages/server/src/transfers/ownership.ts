import { fail, type License, ok, type Result } from "@ninsho/core";
import { ownedLicenses } from "../accounts/licenses.js";
import type { ServerDeps } from "../deps.js";
import { checkTransferCode } from "./codes.js";

/** What a public request offers as proof that a license is the caller's: its session's account, a mailed code. */
export interface OwnerEvidence {
  readonly accountId?: string | undefined;
  readonly code?: string | undefined;
}

/**
 * Check the proof a phone or file activation offers before it moves a license (the same proofs as
 * `POST /v1/transfers`): the signed-in account owns the license, or the mailed code is right (a wrong one counts
 * a try). Neither: TRANSFER_PROOF_REQUIRED, so an installation ID read over the phone (which proves only the
 * key) never moves a license on its own. The code is used up by `spendOwnerCode` once the move is written.
 * @example
 * const by = await proveOwnership(deps, license, { accountId: account?.id, code: body.transferCode });
 */
export async function proveOwnership(
  deps: ServerDeps,
  license: License,
  evidence: OwnerEvidence,
): Promise<Result<"account" | "code">> {
  if (evidence.accountId !== undefined) {
    const account = await deps.store.accounts.findById(evidence.accountId);
    const owned = account ? await ownedLicenses(deps, account) : [];
    if (owned.some((mine) => mine.license.id === license.id)) return ok("account");
  }
  const { code } = evidence;
  if (code === undefined) return fail("TRANSFER_PROOF_REQUIRED");
  const checked = await deps.store.transaction((tx) => checkTransferCode(deps, tx, license.id, code));
  return checked.ok ? ok("code") : checked;
}

/**
 * Use up a mailed code once the move it proved is written.
 * @example
 * if (moved && by === "code") await spendOwnerCode(deps, license.id);
 */
export const spendOwnerCode = (deps: ServerDeps, licenseId: string): Promise<void> =>
  deps.store.transferCodes.remove(licenseId);

/**
 * The proof a phone or file activation that names a device to replace must carry: none for support staff (their
 * token and reason are the record), the owner's for the device's own request. `by` for the timeline.
 * @example
 * const proof = await offlineMoveProof(deps, license, request.actor, request.transferFromDeviceId);
 */
export async function offlineMoveProof(
  deps: ServerDeps,
  license: License,
  actor:
    | { readonly kind: "support" }
    | { readonly kind: "device"; readonly owner?: OwnerEvidence | undefined },
  transferFromDeviceId: string | undefined,
): Promise<Result<{ by?: "account" | "code" | "support" }>> {
  if (transferFromDeviceId === undefined) return ok({});
  if (actor.kind === "support") return ok({ by: "support" });
  const by = await proveOwnership(deps, license, actor.owner ?? {});
  return by.ok ? ok({ by: by.value }) : by;
}
