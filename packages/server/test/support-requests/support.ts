/** A support request opened the way owners open them: a transfer refused because the allowance is spent. */
import { machine } from "../support/fingerprints.js";
import { errorOf } from "../support/http.js";
import type { TestServer } from "../support/server.js";
import { ownedCatalogue, transferWithCode } from "../support/transfers.js";

/** Open one support request on a fresh license; its id and the license's. */
export async function openSupportRequest(t: TestServer): Promise<{ requestId: string; licenseId: string }> {
  const c = await ownedCatalogue(t, { maxDevices: 1, transfersPerYear: 1 });
  const { deviceId } = await t.activated(c.key, machine(`first ${c.licenseId}`));
  const moved = await transferWithCode(t, c.key, {
    replacesDeviceId: deviceId,
    fingerprint: machine(`second ${c.licenseId}`),
  });
  if (moved.status !== 201) throw new Error(`transfer: ${moved.status} ${moved.text}`);
  const now = (moved.body as { device: { id: string } }).device.id;
  const refused = await transferWithCode(t, c.key, {
    replacesDeviceId: now,
    fingerprint: machine(`third ${c.licenseId}`),
  });
  const error = errorOf(refused);
  if (error.code !== "TRANSFER_ALLOWANCE_EXHAUSTED")
    throw new Error(`expected a spent allowance: ${refused.text}`);
  return { requestId: (error.details as { request: string }).request, licenseId: c.licenseId };
}
