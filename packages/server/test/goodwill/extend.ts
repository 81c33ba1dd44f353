/** Helpers of the goodwill extension tests: a license that expires, and a support token's extend call. */
import { DAY } from "../support/clock.js";
import { machine } from "../support/fingerprints.js";
import type { TestServer } from "../support/server.js";

/** A license whose expiry is `days` from now: its duration counts from its first activation, done here. */
export async function expiringLicense(
  t: TestServer,
  days = 10,
): Promise<{ licenseId: string; expiresAt: string }> {
  const c = await t.catalogue({ expiry: { kind: "duration", seconds: days * 86_400 } });
  await t.activated(c.key, machine(`goodwill ${c.licenseId}`));
  const res = await t.adminGet(`/v1/admin/licenses/${c.licenseId}`);
  const expiresAt = (res.body as { expiresAt?: string }).expiresAt;
  if (expiresAt === undefined) throw new Error(`no expiry: ${res.text}`);
  return { licenseId: c.licenseId, expiresAt };
}

/** `base` plus whole days, as an ISO instant. */
export const plusDays = (base: string | Date, days: number): string =>
  new Date(new Date(base).getTime() + days * DAY).toISOString();

/** POST …/extend with `token`: a new expiry (`null`: perpetual) and a reason. */
export const extend = (
  t: TestServer,
  licenseId: string,
  expiresAt: string | null,
  token: string,
  reason = "goodwill",
) => t.adminPost(`/v1/admin/licenses/${licenseId}/extend`, { expiresAt, reason }, token);
