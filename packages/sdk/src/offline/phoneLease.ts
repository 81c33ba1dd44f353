import {
  type ConfirmationGrant,
  dayStart,
  decodeOfflinePublicKey,
  type InstallationId,
  parseInstallationId,
  phoneFeatureListProblem,
  phoneFeaturesOf,
  verifyConfirmationId,
} from "@ninsho/core";
import type { StoredState } from "../client/storage/stateFile.js";
import type { PhoneRecord } from "./state.js";

/**
 * A phone confirmation that verified: the rights it grants, counted from its installation ID's day, and the
 * entitlements its signed feature bits grant, named by the product's phone feature list the app ships (none
 * for a version 1 confirmation, or without a list). It has no JWS lease; an end of `Infinity` means the
 * confirmation granted no end (lease days 4095).
 *
 * @example
 * const phone: PhoneLease = session.phone;
 * if (nowMs < phone.leaseExpiresAtMs) console.log("active until", new Date(phone.leaseExpiresAtMs));
 */
export interface PhoneLease {
  readonly installation: InstallationId;
  /** The confirmation ID as installed (canonical groups). */
  readonly confirmation: string;
  /** 00:00 UTC of the installation ID's day: where the granted days start. */
  readonly issuedAtMs: number;
  readonly leaseExpiresAtMs: number;
  readonly graceEndsAtMs: number;
  readonly confirmedAtMs: number;
  /** The features its signed bits grant, sorted (see `phoneFeaturesOf`). */
  readonly entitlements: readonly string[];
  /** True when the license has entitlements the confirmation could not carry (the server said so, signed). */
  readonly featuresWithheld: boolean;
}

/**
 * The product's offline key as the device verifies with it, and its phone feature list: bit i of a confirmation
 * ID grants feature i (copy all three from the admin product answer's `offline`, or from
 * `GET /v1/products/{id}/offline-key`). The list is only ever appended to on the server, so the one an app
 * was built with stays right; features added later grant nothing by phone in that build.
 *
 * @example
 * const key: OfflineKey = { productNumber: 4242, publicKey: "base64url of 128 bytes", phoneFeatures: ["export"] };
 */
export interface OfflineKey {
  readonly productNumber: number;
  readonly publicKey: string;
  readonly phoneFeatures?: readonly string[];
}

/**
 * A phone confirmation's terms as a device keeps them: the times from its installation ID's day, and the
 * features its signed bits grant, named by the product's list.
 *
 * @example
 * const lease = phoneLeaseOf(iid, typed, grant, Date.now(), key.phoneFeatures);
 */
export function phoneLeaseOf(
  installation: InstallationId,
  confirmation: string,
  grant: ConfirmationGrant,
  confirmedAtMs: number,
  phoneFeatures: readonly string[] = [],
): PhoneLease {
  return {
    installation,
    confirmation,
    issuedAtMs: dayStart(installation.day).getTime(),
    leaseExpiresAtMs: grant.leaseExpiresAt?.getTime() ?? Number.POSITIVE_INFINITY,
    graceEndsAtMs: grant.graceEndsAt?.getTime() ?? Number.POSITIVE_INFINITY,
    confirmedAtMs,
    entitlements: phoneFeaturesOf(phoneFeatures, grant.terms.features ?? 0),
    featuresWithheld: grant.terms.featuresWithheld ?? false,
  };
}

/**
 * Check the `offline` option of `createClient`: a product number 1 … 65535 and a BN254 public key that decodes.
 * Throws at once, like every wrong option.
 *
 * @example
 * checkOfflineOption({ productNumber: 0, publicKey: "" }); // throws RangeError
 */
export function checkOfflineOption(key: OfflineKey): OfflineKey {
  if (!Number.isInteger(key.productNumber) || key.productNumber < 1 || key.productNumber > 0xffff)
    throw new RangeError("offline.productNumber must be 1 … 65535");
  if (decodeOfflinePublicKey(key.publicKey) === undefined)
    throw new TypeError("offline.publicKey is not a product's offline key (base64url, 128 bytes)");
  const features = key.phoneFeatures;
  if (features === undefined) return { productNumber: key.productNumber, publicKey: key.publicKey };
  if (
    !Array.isArray(features) ||
    features.some((name) => typeof name !== "string") ||
    phoneFeatureListProblem([], features) !== undefined
  )
    throw new TypeError("offline.phoneFeatures must be the product's list: at most 20 names, none twice");
  return { productNumber: key.productNumber, publicKey: key.publicKey, phoneFeatures: [...features] };
}

/**
 * Verify a stored phone confirmation again (at every start: the state file's MAC detects edits, the signature
 * makes a grant impossible to forge even for someone who read the install secret).
 *
 * @example
 * const opened = openPhoneRecord(state.offline.phone, { productNumber, publicKey });
 * if (opened.ok) session.phone = opened.lease;
 */
export function openPhoneRecord(
  record: PhoneRecord,
  key: OfflineKey,
): { readonly ok: true; readonly lease: PhoneLease } | { readonly ok: false; readonly reason: string } {
  const installation = parseInstallationId(record.installation);
  if (!installation.ok) return { ok: false, reason: "its installation ID is malformed" };
  if (installation.value.productNumber !== key.productNumber)
    return { ok: false, reason: "its installation ID is of another product" };
  const verified = verifyConfirmationId({
    installationId: installation.value,
    confirmationId: record.confirmation,
    publicKey: key.publicKey,
  });
  if (!verified.ok) return { ok: false, reason: "its phone confirmation does not verify" };
  // The entitlements are read again from the signed bits at every start, never kept: nothing to edit.
  const lease = phoneLeaseOf(
    installation.value,
    record.confirmation,
    verified.value,
    record.confirmedAt,
    key.phoneFeatures,
  );
  return { ok: true, lease };
}

/**
 * Whether a phone confirmation for an installation ID of `day` may be older than the newest signed "no" the
 * device holds (a revocation, a suspension it saw online). A confirmation carries no time of its own: it
 * answers its installation ID, so it was issued on or after 00:00 UTC of that ID's day. Only an ID whose day
 * begins after the verdict's signed time proves the confirmation is a later word than the verdict; any
 * other one typed in again must not undo it (a verdict without a signed time refuses every confirmation).
 *
 * @example
 * if (predatesVerdict(session.state, iid.day)) return failed(session.state.verdict.seed); // e.g. LICENSE_REVOKED
 */
export function predatesVerdict(
  state: Pick<StoredState, "verdict" | "lastServerTimeMs">,
  day: number,
): boolean {
  if (state.verdict === undefined) return false;
  return dayStart(day).getTime() <= (state.lastServerTimeMs ?? Number.POSITIVE_INFINITY);
}
