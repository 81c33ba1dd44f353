/**
 * Offline activation as a device and a phone page do it: the device builds its installation ID from its key,
 * the product's number and its components; the caller posts it; the device verifies the confirmation with the
 * product's published offline key.
 */
import {
  buildInstallationId,
  type InstallationId,
  type ProductKey,
  parseProductKey,
  verifyConfirmationId,
} from "@ninsho/core";
import type { Fingerprint } from "../support/fingerprints.js";
import { type Answer, type CallOptions, get, post, str } from "../support/http.js";
import type { TestServer } from "../support/server.js";

export interface OfflineKeyBody {
  readonly productId: string;
  readonly productNumber: number;
  readonly publicKey: string;
  readonly scheme: string;
  readonly confirmationIdVersion: number;
  readonly phoneFeatures?: string[];
}

/** A type alias, not an interface, so it also reads as `Record<string, unknown>`. */
export type ConfirmationBody = {
  readonly confirmationId: string;
  readonly groups: string[];
  readonly installationId: string;
  readonly grant: {
    leaseDays: number;
    graceDays: number;
    features: string[];
    featuresWithheld: string[];
    leaseExpiresAt?: string;
    graceEndsAt?: string;
  };
  readonly device: { id: string; name: string };
  readonly license: { id: string; productId: string; productName: string };
  readonly decision?: { outcome: string; deviceId?: string; score?: number };
  readonly transferredFrom?: string;
  readonly replayed: boolean;
};

/** The canonical form of a key as issued. */
export function canonicalKey(key: string): ProductKey {
  const parsed = parseProductKey(key);
  if (!parsed.ok) throw new Error(`not a key: ${key}`);
  return parsed.value;
}

/** The product's offline key, from the public endpoint. */
export async function offlineKey(t: TestServer, productId: string): Promise<OfflineKeyBody> {
  const res = await get<OfflineKeyBody>(t.app, `/v1/products/${productId}/offline-key`);
  if (res.status !== 200) throw new Error(`offline key: ${res.status} ${res.text}`);
  return res.body;
}

/** The installation ID a machine shows today (the server's clock stands in for the device's). */
export async function installationIdOf(
  t: TestServer,
  productId: string,
  key: string,
  fingerprint: Fingerprint,
  at: Date = t.clock.now(),
): Promise<InstallationId> {
  const { productNumber } = await offlineKey(t, productId);
  return buildInstallationId({ key: canonicalKey(key), productNumber, components: fingerprint, at });
}

/** POST /v1/offline/confirmations. */
export const confirm = (
  t: TestServer,
  installationId: string,
  extra: Record<string, unknown> = {},
  options?: CallOptions,
): Promise<Answer<ConfirmationBody>> =>
  post<ConfirmationBody>(t.app, "/v1/offline/confirmations", { installationId, ...extra }, options);

/** Verify a confirmation as the device does: its own installation ID and the published key, nothing else. */
export async function deviceVerifies(t: TestServer, productId: string, iid: InstallationId, cid: string) {
  const { publicKey } = await offlineKey(t, productId);
  return verifyConfirmationId({ installationId: iid, confirmationId: cid, publicKey });
}

/** The license's devices, deactivated ones included. */
export async function devicesOf(
  t: TestServer,
  licenseId: string,
): Promise<{ id: string; deactivatedAt?: string }[]> {
  const res = await t.adminGet(`/v1/admin/licenses/${licenseId}`);
  if (res.status !== 200) throw new Error(`license: ${res.status} ${res.text}`);
  return (res.body as { devices: { id: string; deactivatedAt?: string }[] }).devices;
}

export { str };
