import type { SearchResult } from "@ninsho/contract";
import { type License, parseInstallationId, parseProductKey } from "@ninsho/core";
import type { ServerDeps } from "../deps.js";
import { findLicenseByKey } from "./licenseByKey.js";

type Match = {
  readonly kind: SearchResult["matches"][number]["kind"];
  readonly license: License;
  readonly deviceId?: string;
};

const MAX_MATCHES = 50;

/**
 * Support's one search box: whatever identifier a customer reads out or a log shows — a license id, a device id,
 * an owner email, a product key, an installation ID (54 digits) or a device's name — to the licenses it names.
 * Reads only; a key is parsed as typed (forgiving), an installation ID by its license's short id.
 * @example
 * const matches = await searchLicenses(deps, "dev_01J…"); // [{ kind: "device", license, deviceId }]
 */
export async function searchLicenses(deps: ServerDeps, query: string): Promise<Match[]> {
  const text = query.trim();
  if (/^lic_[0-9A-Za-z]+$/.test(text)) {
    const license = await deps.store.licenses.findById(text);
    return license ? [{ kind: "license", license }] : [];
  }
  if (/^dev_[0-9A-Za-z]+$/.test(text)) {
    const found = await deps.store.devices.findWithLicense(text);
    return found ? [{ kind: "device", license: found.license, deviceId: found.device.id }] : [];
  }
  if (text.includes("@")) {
    const licenses = await deps.store.licenses.list({ ownerEmail: text.toLowerCase(), limit: MAX_MATCHES });
    return licenses.map((license) => ({ kind: "email", license }));
  }
  if (parseProductKey(text).ok) {
    const found = await findLicenseByKey(deps, text);
    return found.ok ? [{ kind: "key", license: found.value }] : [];
  }
  const iid = parseInstallationId(text);
  if (iid.ok) {
    const license = await deps.store.offline.findLicenseByShortId(iid.value.licenseShortId);
    return license ? [{ kind: "installation", license }] : [];
  }
  const devices = await deps.store.devices.findByName(text, MAX_MATCHES);
  const matches: Match[] = [];
  for (const device of devices) {
    const license = await deps.store.licenses.findById(device.licenseId);
    if (license) matches.push({ kind: "deviceName", license, deviceId: device.id });
  }
  return matches;
}
