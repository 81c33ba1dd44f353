import {
  createOfflineRequest,
  generateDeviceSealingKey,
  type OfflineRequest,
  readLicenseFile,
  serializeOfflineRequest,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { DAY } from "../support/clock.js";
import { type Fingerprint, machine } from "../support/fingerprints.js";
import { type Answer, post } from "../support/http.js";
import { newNonce, type TestServer, useServers } from "../support/server.js";
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
): Promise<Answer<LicenseFileBody>> =>
  post<LicenseFileBody>(t.app, "/v1/offline/license-files", { requestFile, ...extra });

describe("USB activation: POST /v1/offline/license-files", () => {
  const servers = useServers();

  it("turns a request file into a license file the device installs, whose lease then works online", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ maxDevices: 1, entitlements: ["pro"] });
    const pc = machine("press-7");
    const request = requestOf(t, c.productId, c.key, pc);
    const res = await send(t, serializeOfflineRequest(request));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sealed: false, fileName: "ninsho-license.jwt", replayed: false });
    expect(res.body.decision).toEqual({ outcome: "new_device" });

    const keys = await t.publicKeys();
    const installed = readLicenseFile({ file: res.body.licenseFile, keys, request });
    expect(installed.ok).toBe(true);
    if (!installed.ok) return;
    expect(installed.value.lease).toMatchObject({ sub: res.body.device.id, aud: c.productId, ent: ["pro"] });

    const activated = (await t.timeline(c.licenseId)).find((e) => e.type === "device.activated");
    expect(activated?.data).toMatchObject({ method: "file", name: "Press 7" });

    t.clock.advance(DAY);
    const online = await t.validate({ lease: installed.value.claims.lease }, pc, newNonce());
    expect(online.status).toBe(200);
  });

  it("seals the file to the device's X25519 key when asked: only that device opens it", async () => {
    const t = await servers.start();
    const c = await t.catalogue();
    const sealing = generateDeviceSealingKey();
    const request = requestOf(t, c.productId, c.key, machine("a"), { encryptTo: sealing.publicJwk });
    const res = await send(t, serializeOfflineRequest(request));
    expect(res.status).toBe(201);
    expect(res.body.sealed).toBe(true);
    expect(res.body.licenseFile.split(".")).toHaveLength(5);
    const keys = await t.publicKeys();
    expect(
      readLicenseFile({ file: res.body.licenseFile, keys, request, privateKey: sealing.privateKey }).ok,
    ).toBe(true);
    const stranger = generateDeviceSealingKey().privateKey;
    expect(readLicenseFile({ file: res.body.licenseFile, keys, request, privateKey: stranger }).ok).toBe(
      false,
    );
    const parts = res.body.licenseFile.split(".");
    const body = parts[3] ?? "";
    parts[3] = `${body.slice(0, 10)}${body[10] === "A" ? "B" : "A"}${body.slice(11)}`;
    expect(readLicenseFile({ file: parts.join("."), keys, request, privateKey: sealing.privateKey }).ok).toBe(
      false,
    );
  });

  it("answers the same request file with the same license file, taking no second slot", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ maxDevices: 1 });
    const text = serializeOfflineRequest(requestOf(t, c.productId, c.key, machine("a")));
    const first = await send(t, text);
    const again = await send(t, JSON.stringify(JSON.parse(text)));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ licenseFile: first.body.licenseFile, replayed: true });
    expect(await devicesOf(t, c.licenseId)).toHaveLength(1);
  });

  it("lets support turn a customer's request file into a license file", async () => {
    const t = await servers.start();
    const c = await t.catalogue();
    const support = await t.token("support");
    const text = serializeOfflineRequest(requestOf(t, c.productId, c.key, machine("a")));
    const res = await t.adminPost(
      "/v1/admin/offline/license-files",
      { requestFile: text, reason: "USB from site" },
      support.token,
    );
    expect(res.status).toBe(201);
    const activated = (await t.timeline(c.licenseId)).find((e) => e.type === "device.activated");
    expect(activated).toMatchObject({ actor: `token:${support.id}`, reason: "USB from site" });
  });
});
