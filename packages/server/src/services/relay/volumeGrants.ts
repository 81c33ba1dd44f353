import {
  fail,
  licenseRefusal,
  newId,
  ok,
  type RelayPublicKey,
  type Result,
  signVolumeGrant,
  type VolumeGrantClaims,
} from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";

const DAY_S = 86_400;

/** What the vendor asks a grant to say (the contract's VolumeGrantRequest, defaults applied). */
export interface GrantTerms {
  readonly licenseId: string;
  readonly relayKey: RelayPublicKey;
  readonly customer: string;
  readonly maxDevices?: number | undefined;
  readonly renewDays: number;
  readonly offlineDays: number;
  readonly notBefore?: string | undefined;
  readonly expiresAt: string;
}

/**
 * Issue a volume grant for a customer's volume license: signed by the product's key, certifying the relay's
 * key, at most the policy's device limit unless the vendor says otherwise (a larger volume is a sale, and the
 * vendor's to make), never beyond the license's own expiry. Recorded in the license's timeline.
 * @example
 * const issued = await issueVolumeGrant(deps, terms, "token:tok_…");
 */
export async function issueVolumeGrant(
  deps: ServerDeps,
  terms: GrantTerms,
  actor: string,
): Promise<Result<{ readonly token: string; readonly claims: VolumeGrantClaims }>> {
  const now = deps.clock();
  const license = await deps.store.licenses.findById(terms.licenseId);
  if (!license) return fail("LICENSE_NOT_FOUND", { licenseId: terms.licenseId });
  const refusal = licenseRefusal(license, now);
  if (refusal) return { ok: false, error: refusal };
  const policy = await deps.policies.get(license.policyId);
  if (!policy) return fail("POLICY_NOT_FOUND", { policyId: license.policyId });
  if (policy.channel !== "volume")
    return fail("RELAY_GRANT_NOT_VOLUME", { licenseId: license.id, channel: policy.channel });
  const key = await deps.keyring.signingKeyFor(license.productId);
  if (!key) return fail("PRODUCT_NOT_FOUND", { productId: license.productId });
  const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
  const iat = Math.floor(now.getTime() / 1000);
  const asked = seconds(terms.expiresAt);
  const exp = license.expiresAt === undefined ? asked : Math.min(asked, seconds(license.expiresAt));
  const claims: VolumeGrantClaims = {
    iss: "ninsho",
    jti: newId("volumeGrant"),
    aud: license.productId,
    lic: license.id,
    cus: terms.customer,
    max: terms.maxDevices ?? policy.maxDevices,
    rnw: terms.renewDays * DAY_S,
    off: terms.offlineDays * DAY_S,
    iat,
    nbf: terms.notBefore === undefined ? iat : seconds(terms.notBefore),
    exp,
    rky: { kty: "OKP", crv: "Ed25519", x: terms.relayKey.x },
  };
  const token = signVolumeGrant(key, claims);
  await deps.store.events.append({
    id: newId("event"),
    licenseId: license.id,
    type: "relay.grant_issued",
    actor,
    data: { grantId: claims.jti, maxDevices: claims.max, notBefore: iso(claims.nbf), expiresAt: iso(exp) },
    createdAt: now.toISOString(),
  });
  return ok({ token, claims });
}

/** Seconds since the epoch as an ISO instant. */
export const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();
