import {
  type ConfirmationGrant,
  type ConfirmationTerms,
  compactComponents,
  compareCompact,
  confirmationIdVersionOf,
  dayDate,
  effectiveEntitlements,
  fail,
  grantOf,
  type InstallationId,
  installationProofHolds,
  issueConfirmationId,
  leaseWindow,
  mergeCompact,
  ok,
  parseConfirmationId,
  parseInstallationId,
  phoneFeatureBits,
  phoneFeaturesOf,
  type Result,
  reason,
  termsFor,
} from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import { offlineMoveProof, spendOwnerCode } from "../../transfers/ownership.js";
import { licenseByShortId, NOT_FOUND, recordWrongProof, requestAgeProblem } from "./lookup.js";
import { activateOffline, type OfflineActor, type OfflineOutcome } from "./persist.js";
import { named } from "./productName.js";

/** A phone activation: the installation ID read out, and who asks. */
export interface ConfirmationRequest {
  readonly installationId: string;
  readonly actor: OfflineActor;
  /** When the license is full, the device this machine replaces (within the transfer allowance). */
  readonly transferFromDeviceId?: string | undefined;
  /** Why support did it, for the timeline. */
  readonly reason?: string | undefined;
  /** A name for the machine, as the caller calls it (default: "activated by phone" and the day). */
  readonly deviceName?: string | undefined;
}

export interface Confirmation {
  readonly installationId: InstallationId;
  readonly confirmationId: string;
  readonly groups: readonly string[];
  readonly grant: ConfirmationGrant;
  /** The license's entitlements the confirmation carries, and those it cannot (see `phoneFeatures.ts`). */
  readonly features: readonly string[];
  readonly featuresWithheld: readonly string[];
  readonly outcome: OfflineOutcome;
  /** The product's display name: the caller proved the key, so the page may head the answer with it. */
  readonly productName: string;
}

/**
 * Turn an installation ID into its confirmation ID under exactly the rules of an online activation (see
 * `activateOffline`), matching the devices by the compact fingerprint. The same installation ID always gets
 * the same confirmation and never takes a second slot.
 * @example
 * const result = await confirmInstallation(deps, { installationId, actor: { kind: "device" } });
 * if (result.ok) show(result.value.groups);
 */
export async function confirmInstallation(
  deps: ServerDeps,
  request: ConfirmationRequest,
): Promise<Result<Confirmation>> {
  const parsed = parseInstallationId(request.installationId);
  if (!parsed.ok) return parsed;
  const iid = parsed.value;
  const tooOld = requestAgeProblem(deps, iid.day);
  if (tooOld) return { ok: false, error: tooOld };
  const product = await deps.store.offline.findKeyByNumber(iid.productNumber);
  const found = await licenseByShortId(deps, iid.licenseShortId);
  if (!product || !found) return { ok: false, error: NOT_FOUND };
  const { license, key } = found;
  if (!installationProofHolds(iid, key)) {
    await recordWrongProof(deps, license.id, "phone");
    return { ok: false, error: NOT_FOUND };
  }
  if (license.productId !== product.productId) {
    return fail("INSTALLATION_ID_NOT_FOUND", {
      reason: reason("IID_OTHER_PRODUCT"),
    });
  }
  const policy = await deps.policies.forLicense(license);
  if (!policy) throw new Error(`license ${license.id} has no policy`);
  // From here the key's proof held: refusals name the product (a guessed ID never gets this far).
  const catalogued = await deps.store.products.findById(license.productId);
  const productName = catalogued?.name ?? license.productId;
  const proof = await offlineMoveProof(deps, license, request.actor, request.transferFromDeviceId);
  if (!proof.ok) return named(proof.error, productName);
  const secretKey = deps.offline.keys.secretKeyOf(product);
  // The entitlements cross the phone as bits over the product's phone feature list (version 2 only).
  const features = catalogued?.phoneFeatures ?? [];
  const version = confirmationIdVersionOf({ phoneFeatures: features });
  const done = await activateOffline(deps, {
    ...proof.value,
    license,
    policy,
    requestId: `iid:${iid.data}`,
    method: "phone",
    actor: request.actor,
    ...(request.reason === undefined ? {} : { reason: request.reason }),
    ...(request.transferFromDeviceId === undefined
      ? {}
      : { transferFromDeviceId: request.transferFromDeviceId }),
    device: {
      name: request.deviceName ?? `activated by phone on ${dayDate(iid.day)}`,
      platform: platformOf(iid),
      collector: iid.collectorName,
    },
    // The channel rules see the installation ID's few bits per kind (OEM board by its slot; see judgeBinding).
    fingerprint: { collector: iid.collectorName, components: compactComponents(iid.fingerprint) },
    form: "compact",
    explain: (device) =>
      compareCompact(
        device.components,
        iid.fingerprint,
        iid.collectorName,
        policy.componentWeights,
        policy.matchThreshold,
      ),
    components: (stored) =>
      stored ? mergeCompact(stored.components, iid.fingerprint) : compactComponents(iid.fingerprint),
    answer: (current) => {
      const window = termsFor(leaseWindow(policy, current, deps.clock()), iid.day);
      const carried = phoneFeatureBits(features, effectiveEntitlements(policy, current));
      const terms = { ...window, features: carried.bits, featuresWithheld: carried.withheld.length > 0 };
      const cid = issueConfirmationId(secretKey, iid, version === 1 ? window : terms, version);
      return { confirmationId: cid.text, ...cid.terms };
    },
  });
  if (!done.ok) return named(done.error, productName);
  if (done.value.transferredFrom !== undefined && proof.value.by === "code")
    await spendOwnerCode(deps, license.id);
  const cid = parseConfirmationId(String(done.value.answer.confirmationId));
  if (!cid.ok) throw new Error("a stored confirmation ID does not parse");
  const terms: ConfirmationTerms = cid.value.terms;
  // What the bits carry and what the license has besides, as of now (a replay may predate an entitlement edit).
  const granted = phoneFeaturesOf(features, cid.value.terms.features);
  const entitlements = effectiveEntitlements(policy, done.value.license);
  return ok({
    installationId: iid,
    confirmationId: cid.value.text,
    groups: cid.value.groups,
    grant: grantOf(terms, iid.day),
    features: granted,
    featuresWithheld: entitlements.filter((name) => !granted.includes(name)),
    outcome: done.value,
    productName,
  });
}

/** The platform a device activated by phone is listed under: its collector's platform. */
const platformOf = (iid: InstallationId): string => iid.collectorName.split("/")[0] ?? "other";
