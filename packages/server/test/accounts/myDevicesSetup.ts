/**
 * What the "my devices" tests share: an owner signed in with a license linked by key and two machines on it,
 * on a server of the given store (SQLite file or PostgreSQL).
 */
import { expect } from "vitest";
import { accountCall, signedIn } from "../support/accounts.js";
import { machine } from "../support/fingerprints.js";
import type { TestServer } from "../support/server.js";

export interface OwnerWithDevices {
  readonly cookie: string;
  readonly licenseId: string;
  readonly key: string;
  readonly desktop: string;
  readonly laptop: string;
}

/** An owner of a 2-device license, with its desktop and laptop activated. */
export async function ownerWithDevices(t: TestServer, email = "aiko@example.jp"): Promise<OwnerWithDevices> {
  const c = await t.catalogue({ maxDevices: 2, transfersPerYear: 3 });
  const cookie = await signedIn(t, email);
  expect((await accountCall(t, "POST", "/v1/me/licenses", { key: c.key }, { cookie })).status).toBe(200);
  const desktop = await t.activated(c.key, machine(`${email}-desktop`), {
    name: "Desktop",
    platform: "windows",
  });
  const laptop = await t.activated(c.key, machine(`${email}-laptop`), { name: "Laptop", platform: "linux" });
  return { cookie, licenseId: c.licenseId, key: c.key, desktop: desktop.deviceId, laptop: laptop.deviceId };
}

/** The device as the owner's license list shows it. */
export async function listedDevice(t: TestServer, cookie: string, deviceId: string) {
  const list = await accountCall(t, "GET", "/v1/me/licenses", undefined, { cookie });
  const licenses = (
    list.body as { licenses: { devices: { id: string; name: string; deactivatedAt?: string }[] }[] }
  ).licenses;
  return licenses.flatMap((l) => l.devices).find((d) => d.id === deviceId);
}
