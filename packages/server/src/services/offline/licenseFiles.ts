import {
  compareFingerprint,
  keyFingerprint,
  LICENSE_FILE_TYPE,
  type OfflineRequest,
  offlineDay,
  offlineRequestDigest,
  offlineRequestProofHolds,
  ok,
  parseOfflineRequest,
  presentedDigest,
  type ReasonCode,
  type Result,
  sealToDevice,
  signLicenseFile,
} from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import { offlineMoveProof, spendOwnerCode } from "../../transfers/ownership.js";
import { licenseByShortId, recordWrongProof, requestAgeProblem } from "./lookup.js";
import { activateOffline, type OfflineActor, type OfflineOutcome } from "./persist.js";
import { named, productNameOf } from "./productName.js";
import { INVALID_FILE_LICENSE, INVALID_FILE_PROOF, invalidFile } from "./refusals.js";

/** A USB activation: the request file's text, and who asks. */
export interface LicenseFileRequest {
  readonly requestFile: string;
  readonly actor: OfflineActor;
  readonly transferFromDeviceId?: string | undefined;
  readonly reason?: string | undefined;
}

export interface IssuedLicenseFile {
  readonly request: OfflineRequest;
  /** The file to hand back: a JWS, or a JWE sealed to the device when it asked. */
  readonly licenseFile: string;
  readonly sealed: boolean;
  readonly leaseExpiresAt: string;
  readonly graceEndsAt: string;
  readonly outcome: OfflineOutcome;
  /** The product's display name: the request file proved the key. */
  readonly productName: string;
}

const invalid = (why: ReasonCode, field: string) => ({ ok: false as const, error: invalidFile(why, field) });

/**
 * Turn a request file into a signed license file under exactly the rules of an online activation, matching by
 * the full fingerprint the file carries. The same request file always gets the same license file (sealed
 * afresh when it asked) and never takes a second slot.
 * @example
 * const result = await issueLicenseFile(deps, { requestFile, actor: { kind: "device" } });
 * if (result.ok) writeFileSync("ninsho-license.jwt", result.value.licenseFile);
 */
export async function issueLicenseFile(
  deps: ServerDeps,
  input: LicenseFileRequest,
): Promise<Result<IssuedLicenseFile>> {
  const parsed = parseOfflineRequest(input.requestFile);
  if (!parsed.ok) return parsed;
  const request = parsed.value;
  const tooOld = requestAgeProblem(deps, offlineDay(new Date(request.createdAt)));
  if (tooOld) return { ok: false, error: tooOld };
  const found = await licenseByShortId(deps, request.licenseShortId);
  if (!found) return { ok: false, error: INVALID_FILE_LICENSE };
  const { license, key } = found;
  if (!offlineRequestProofHolds(request, key)) {
    await recordWrongProof(deps, license.id, "file");
    return { ok: false, error: INVALID_FILE_PROOF };
  }
  if (request.productId !== license.productId) return invalid("REQUEST_OTHER_PRODUCT", "productId");
  const policy = await deps.policies.forLicense(license);
  const signingKey = await deps.keyring.signingKeyFor(license.productId);
  if (!policy || !signingKey) throw new Error(`license ${license.id} has no policy or signing key`);
  const requestDigest = offlineRequestDigest(request);
  // Matched and stored only in keyed form: the database never holds a digest the client sent.
  const fingerprint = keyFingerprint(deps.secrets.componentDigests, request.fingerprint);
  const productName = await productNameOf(deps, license);
  const proof = await offlineMoveProof(deps, license, input.actor, input.transferFromDeviceId);
  if (!proof.ok) return named(proof.error, productName);
  const done = await activateOffline(deps, {
    ...proof.value,
    license,
    policy,
    requestId: `file:${requestDigest}`,
    method: "file",
    actor: input.actor,
    ...(input.reason === undefined ? {} : { reason: input.reason }),
    ...(input.transferFromDeviceId === undefined ? {} : { transferFromDeviceId: input.transferFromDeviceId }),
    device: { ...request.device, collector: request.fingerprint.collector },
    fingerprint,
    form: "full",
    explain: (device) =>
      compareFingerprint(device.components, fingerprint, policy.componentWeights, policy.matchThreshold),
    components: () => fingerprint.components,
    presentedDigest: presentedDigest(fingerprint),
    answer: (current, device) => {
      const lease = deps.leases.lease(signingKey, current, policy, device);
      const file = signLicenseFile(signingKey, {
        iss: "ninsho",
        ver: 1,
        aud: license.productId,
        sub: device.id,
        lic: license.id,
        req: requestDigest,
        lease: lease.token,
        iat: Math.floor(deps.clock().getTime() / 1000),
      });
      return { licenseFile: file, leaseExpiresAt: lease.leaseExpiresAt, graceEndsAt: lease.graceEndsAt };
    },
    // The file's lease, signed just above (a cache hit): the device's first validation by it is one hash.
    leaseDigest: (current, device) => deps.leases.issue(signingKey, current, policy, device).digest,
  });
  if (!done.ok) return named(done.error, productName);
  if (done.value.transferredFrom !== undefined && proof.value.by === "code")
    await spendOwnerCode(deps, license.id);
  const { answer } = done.value;
  const plain = String(answer.licenseFile);
  let licenseFile = plain;
  if (request.encryptTo) {
    try {
      licenseFile = sealToDevice(plain, request.encryptTo, LICENSE_FILE_TYPE);
    } catch {
      return invalid("REQUEST_ENCRYPTION_KEY", "encryptTo");
    }
  }
  return ok({
    request,
    licenseFile,
    sealed: request.encryptTo !== undefined,
    leaseExpiresAt: String(answer.leaseExpiresAt),
    graceEndsAt: String(answer.graceEndsAt),
    outcome: done.value,
    productName,
  });
}
