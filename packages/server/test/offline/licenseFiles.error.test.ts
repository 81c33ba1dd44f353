import { createOfflineRequest, type OfflineRequest, serializeOfflineRequest } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { type Fingerprint, machine } from "../support/fingerprints.js";
import { type Answer, type CallOptions, errorOf, post } from "../support/http.js";
import { type TestServer, useServers } from "../support/server.js";
import { ownedCatalogue, ownerSignedIn } from "../support/transfers.js";
import { canonicalKey, devicesOf } from "./support.js";

interface LicenseFileBody {
  readonly licenseFile: string;
  readonly sealed: boolean;
  readonly fileName: string;
  readonly leaseExpiresAt: string;
  readonly graceEndsAt: string;
  readonly device: { id: string; name: string };
  readonly replayed: boolean;
  readonly decision?: { outcome: string };
}

const requestOf = (
  t: TestServer,
  productId: string,
  key: string,
  fingerprint: Fingerprint,
  extra: Partial<Parameters<typeof createOfflineRequest>[0]> = {},
): OfflineRequest =>
  createOfflineRequest({
    key: canonicalKey(key),
    productId,
    device: { name: "Press 7", platform: "linux" },
    fingerprint,
    at: t.clock.now(),
    ...extra,
  });

const send = (
  t: TestServer,
  requestFile: string,
  extra: Record<string, unknown> = {},
  options?: CallOptions,
): Promise<Answer<LicenseFileBody>> =>
  post<LicenseFileBody>(t.app, "/v1/offline/license-files", { requestFile, ...extra }, options);

describe("USB activation: POST /v1/offline/license-files", () => {
  const servers = useServers();

  it("applies the online rules: a second machine on a full license is refused, and may take the slot by transfer", async () => {
    const t = await servers.start();
    const c = await ownedCatalogue(t, { maxDevices: 1 });
    const first = await send(t, serializeOfflineRequest(requestOf(t, c.productId, c.key, machine("a"))));
    const second = serializeOfflineRequest(requestOf(t, c.productId, c.key, machine("b")));
    const refused = await send(t, second);
    expect(refused.status).toBe(409);
    expect(errorOf(refused).code).toBe("DEVICE_LIMIT_REACHED");
    const unproven = await send(t, second, { transferFromDeviceId: first.body.device.id });
    expect(errorOf(unproven).code).toBe("TRANSFER_PROOF_REQUIRED");
    const cookie = await ownerSignedIn(t);
    const moved = await send(
      t,
      second,
      { transferFromDeviceId: first.body.device.id },
      {
        headers: { cookie: `ninsho_session=${cookie}`, origin: "http://localhost" },
      },
    );
    expect(moved.status).toBe(201);
    const transferred = (await t.timeline(c.licenseId)).find((e) => e.type === "device.transferred");
    expect(transferred?.data).toMatchObject({
      method: "file",
      fromDeviceId: first.body.device.id,
      by: "account",
    });
  });

  it("refuses a request dated outside the supported range with a coded 400 on both routes, never a 500", async () => {
    const t = await servers.start();
    const c = await t.catalogue();
    for (const at of ["1970-01-01T00:00:00.000Z", "2023-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z"]) {
      const text = serializeOfflineRequest(
        requestOf(t, c.productId, c.key, machine("a"), { at: new Date(at) }),
      );
      for (const res of [
        await send(t, text),
        await t.adminPost("/v1/admin/offline/license-files", { requestFile: text, reason: "USB from site" }),
      ]) {
        expect(res.status, at).toBe(400);
        expect(errorOf(res), at).toMatchObject({
          code: "OFFLINE_FILE_INVALID",
          details: { field: "createdAt" },
        });
      }
    }
    expect(await devicesOf(t, c.licenseId)).toEqual([]);
  });
});
