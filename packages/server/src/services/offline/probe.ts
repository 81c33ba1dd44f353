import {
  installationProofHolds,
  offlineDay,
  offlineRequestProofHolds,
  parseInstallationId,
  parseOfflineRequest,
} from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import type { Probe } from "../../http/keyGuard.js";
import { licenseByShortId, NOT_FOUND, recordWrongProof, requestAgeProblem } from "./lookup.js";
import { INVALID_FILE_LICENSE, INVALID_FILE_PROOF } from "./refusals.js";

/**
 * Does an installation ID name a license of this server, with the proof its key gives? Checked before any other
 * work so the guessing limits can tell the owner (a valid proof is never counted, nor refused for others'
 * wrong ones) from someone guessing the 26-bit proof of an ID they saw (counted for their address and against
 * the license). A wrong proof is kept in the license's timeline.
 * @example
 * await guardKeyLookup(deps, c, () => probeInstallationId(deps, body.installationId), () => confirm(…));
 */
export async function probeInstallationId(deps: ServerDeps, text: string): Promise<Probe> {
  const parsed = parseInstallationId(text);
  if (!parsed.ok) return parsed;
  const iid = parsed.value;
  const tooOld = requestAgeProblem(deps, iid.day);
  if (tooOld) return { ok: false, error: tooOld };
  const product = await deps.store.offline.findKeyByNumber(iid.productNumber);
  const found = await licenseByShortId(deps, iid.licenseShortId);
  if (!product || !found) return { ok: false, error: NOT_FOUND };
  if (!installationProofHolds(iid, found.key)) {
    await recordWrongProof(deps, found.license.id, "phone");
    return { ok: false, error: NOT_FOUND, proofFor: found.license.id };
  }
  return { ok: true, proofFor: found.license.id };
}

/**
 * The same for a request file: does it name a license of this server, with its key's proof?
 * @example
 * await guardKeyLookup(deps, c, () => probeRequestFile(deps, body.requestFile), () => issueLicenseFile(…));
 */
export async function probeRequestFile(deps: ServerDeps, text: string): Promise<Probe> {
  const parsed = parseOfflineRequest(text);
  if (!parsed.ok) return parsed;
  const request = parsed.value;
  const tooOld = requestAgeProblem(deps, offlineDay(new Date(request.createdAt)));
  if (tooOld) return { ok: false, error: tooOld };
  const found = await licenseByShortId(deps, request.licenseShortId);
  if (!found) return { ok: false, error: INVALID_FILE_LICENSE };
  if (!offlineRequestProofHolds(request, found.key)) {
    await recordWrongProof(deps, found.license.id, "file");
    return { ok: false, error: INVALID_FILE_PROOF, proofFor: found.license.id };
  }
  return { ok: true, proofFor: found.license.id };
}
