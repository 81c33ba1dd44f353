/**
 * What the channel tests (happy, error, security, and the catalogue's producers) share: activating with an
 * upgrade's base, a warranty repair, and reading a license as staff sees it.
 */
import { createOfflineRequest, serializeOfflineRequest } from "@ninsho/core";
import { canonicalKey, confirm, installationIdOf } from "../offline/support.js";
import { type Fingerprint, withChanged } from "../support/fingerprints.js";
import { type Answer, type CallOptions, post } from "../support/http.js";
import { aDevice, type TestServer } from "../support/server.js";

/** Activate naming an upgrade's base (by key or by id). */
export const activateWithBase = (
  t: TestServer,
  key: string,
  fingerprint: Fingerprint,
  base: { readonly baseKey?: string; readonly baseLicenseId?: string },
  options?: CallOptions,
): Promise<Answer> =>
  post(t.app, "/v1/activations", { key, fingerprint, device: aDevice(), ...base }, options);

/** Support records a warranty repair on a license. */
export const warrantyRepair = (
  t: TestServer,
  licenseId: string,
  token: string = t.admin,
  options?: CallOptions,
) =>
  post(
    t.app,
    `/v1/admin/licenses/${licenseId}/warranty-repairs`,
    { reason: "board replaced under warranty" },
    {
      token,
      ...options,
    },
  );

/** The license as the admin API shows it. */
export async function adminLicense(t: TestServer, licenseId: string): Promise<Record<string, unknown>> {
  const res = await t.adminGet(`/v1/admin/licenses/${licenseId}`);
  if (res.status !== 200) throw new Error(`license: ${res.status} ${res.text}`);
  return res.body as Record<string, unknown>;
}

/** The same machine after a motherboard swap (the NIC is on the board, so it changes too). */
export const newBoard = (fp: Fingerprint, tag = "repair"): Fingerprint =>
  withChanged(fp, ["board", "mac"], tag);

/** A product with a policy of `channel`, and `count` licenses. */
export const channelCatalogue = (t: TestServer, fields: Parameters<TestServer["catalogue"]>[0], count = 1) =>
  t.catalogue({ maxDevices: 1, ...fields }, count);

/** POST a request file for `fingerprint`, as the vendor's portal does for a machine reached by USB. */
export const byFile = (
  t: TestServer,
  productId: string,
  key: string,
  fingerprint: Fingerprint,
): Promise<Answer> =>
  post(t.app, "/v1/offline/license-files", {
    requestFile: serializeOfflineRequest(
      createOfflineRequest({
        key: canonicalKey(key),
        productId,
        device: { name: "Plant PC", platform: "linux" },
        fingerprint,
        at: t.clock.now(),
      }),
    ),
  });

/** Read the installation ID of `fingerprint` to the phone page. */
export const byPhone = async (t: TestServer, productId: string, key: string, fingerprint: Fingerprint) =>
  confirm(t, (await installationIdOf(t, productId, key, fingerprint)).text);
