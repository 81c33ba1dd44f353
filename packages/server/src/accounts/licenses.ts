import {
  type Device,
  describe,
  fail,
  type License,
  type Locale,
  licenseRefusal,
  licenseState,
  newId,
  ok,
  type Result,
} from "@ninsho/core";
import type { AccountRecord, LicenseLinkVia } from "@ninsho/store";
import type { ServerDeps } from "../deps.js";
import { allowanceOf } from "../transfers/allowance.js";
import { channelView } from "./chain.js";

/** Licenses sold to one email that an account lists; a reseller's thousand keys belong in the admin console. */
const MAX_BY_EMAIL = 1000;

/**
 * The licenses an account owns: those linked to it by key, and, once its email is verified, those the vendor
 * sold to that email that no other account has linked by key.
 * @example
 * const owned = await ownedLicenses(deps, account);
 */
export async function ownedLicenses(
  deps: ServerDeps,
  account: AccountRecord,
): Promise<{ license: License; via: LicenseLinkVia }[]> {
  const owned = new Map<string, { license: License; via: LicenseLinkVia }>();
  for (const link of await deps.store.accountLicenses.listByAccount(account.id)) {
    const license = await deps.store.licenses.findById(link.licenseId);
    if (license) owned.set(license.id, { license, via: link.via });
  }
  if (account.emailVerifiedAt !== undefined) {
    const sold = await deps.store.licenses.list({ ownerEmail: account.email, limit: MAX_BY_EMAIL });
    for (const license of sold) {
      if (owned.has(license.id)) continue;
      const link = await deps.store.accountLicenses.findByLicense(license.id);
      if (link === undefined) owned.set(license.id, { license, via: "email" });
    }
  }
  return [...owned.values()].sort((a, b) => a.license.id.localeCompare(b.license.id));
}

/**
 * One license as its owner sees it: product and policy names, its devices (no hardware digests, no lease
 * bookkeeping), its transfer allowance now (left in the last 365 days, the cool-down, when the next is possible)
 * and, when it does not work now, why and what to do, as the catalogue words it in `locale`.
 * @example
 * const shown = await myLicenseView(deps, license, "email", "ja");
 */
export async function myLicenseView(deps: ServerDeps, license: License, via: LicenseLinkVia, locale: Locale) {
  const now = deps.clock();
  const refusal = licenseRefusal(license, now);
  const [policy, product, devices, transfers] = await Promise.all([
    deps.policies.forLicense(license),
    deps.store.products.findById(license.productId),
    deps.store.devices.listAll(license.id),
    allowanceOf(deps, license),
  ]);
  return {
    id: license.id,
    productId: license.productId,
    productName: product?.name ?? license.productId,
    policyName: policy?.name ?? license.policyId,
    keyHint: license.keyHint,
    state: licenseState(license, now),
    linkedVia: via,
    ...(license.expiresAt === undefined ? {} : { expiresAt: license.expiresAt }),
    maxDevices: policy?.maxDevices ?? 0,
    devices: devices.map(myDeviceView),
    ...(await channelView(deps, license, policy)),
    transfers,
    ...(refusal === undefined
      ? {}
      : { standing: { code: refusal.code, ...describe(refusal.code, locale, refusal.params) } }),
  };
}

/** A device as its owner sees it: no hardware digests, no lease bookkeeping. */
export const myDeviceView = (device: Device) => ({
  id: device.id,
  name: device.name,
  platform: device.platform,
  activatedAt: device.activatedAt,
  lastSeenAt: device.lastSeenAt,
  ...(device.deactivatedAt === undefined ? {} : { deactivatedAt: device.deactivatedAt }),
});

/**
 * Link a license, found by its key, to an account. Refused (LICENSE_OWNED_ELSEWHERE) when another account has
 * linked it, or when the vendor sold it to another email: the vendor's record of the buyer stands over whoever
 * holds the key. Linking again is a no-op; a first link is an event on the license's timeline.
 * @example
 * const linked = await linkLicense(deps, account, license);
 */
export async function linkLicense(
  deps: ServerDeps,
  account: AccountRecord,
  license: License,
): Promise<Result<{ license: License; via: LicenseLinkVia }>> {
  if (license.ownerEmail !== undefined && license.ownerEmail !== account.email)
    return fail("LICENSE_OWNED_ELSEWHERE");
  const at = deps.clock().toISOString();
  const standing = await deps.store.transaction(async (tx) => {
    const before = await tx.accountLicenses.findByLicense(license.id);
    if (before) return before;
    const link = await tx.accountLicenses.link({
      licenseId: license.id,
      accountId: account.id,
      via: "key",
      linkedAt: at,
    });
    if (link.accountId === account.id)
      await tx.events.append({
        id: newId("event"),
        licenseId: license.id,
        type: "license.linked",
        actor: `account:${account.id}`,
        reason: "linked by its key",
        data: { accountId: account.id, via: "key" },
        createdAt: at,
      });
    return link;
  });
  if (standing.accountId !== account.id) return fail("LICENSE_OWNED_ELSEWHERE");
  return ok({ license, via: standing.via });
}
