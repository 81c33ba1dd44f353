/**
 * Our tokens are standard JOSE, shown by a widely used independent library (`jose`) opening them: leases
 * (compact JWS, EdDSA) and license files (compact JWS, or a compact JWE with ECDH-ES over X25519 and A256GCM when
 * sealed) verify against the published JWKS and decrypt with the device's key, and jose refuses an altered
 * token. The attacker: whoever edits a lease or license file, or opens a sealed file with another key.
 */
import {
  createOfflineRequest,
  generateDeviceSealingKey,
  type OfflineRequest,
  serializeOfflineRequest,
} from "@ninsho/core";
import { compactDecrypt, compactVerify, createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { canonicalKey } from "../offline/support.js";
import { machine } from "../support/fingerprints.js";
import { get, post } from "../support/http.js";
import { aDevice, newNonce, type TestServer, useServers } from "../support/server.js";

const jwksOf = async (t: TestServer) =>
  createLocalJWKSet((await get<{ keys: { kid: string }[] }>(t.app, "/.well-known/jwks.json")).body);

const fileRequest = (t: TestServer, productId: string, key: string, extra: Partial<OfflineRequest> = {}) =>
  createOfflineRequest({
    key: canonicalKey(key),
    productId,
    device: { name: "Press 7", platform: "linux" },
    fingerprint: machine("jose-file"),
    at: t.clock.now(),
    ...extra,
  });

/** The same token with one character of its payload changed. */
const tampered = (token: string, part: number) => {
  const parts = token.split(".");
  const text = parts[part] ?? "";
  parts[part] = `${text.slice(0, 8)}${text[8] === "A" ? "B" : "A"}${text.slice(9)}`;
  return parts.join(".");
};

describe("leases and license files, opened by jose", () => {
  const servers = useServers();

  it("happy: a lease is a JWT jose verifies with the JWKS: EdDSA, typ ninsho-lease+jwt, our claims", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ entitlements: ["pro"] });
    const res = await post<{ lease: string; device: { id: string } }>(t.app, "/v1/activations", {
      key: c.key,
      fingerprint: machine("jose"),
      device: aDevice(),
      nonce: newNonce(),
    });
    expect(res.status).toBe(201);
    const { payload, protectedHeader } = await jwtVerify(res.body.lease, await jwksOf(t), {
      algorithms: ["EdDSA"],
      typ: "ninsho-lease+jwt",
      audience: c.productId,
      subject: res.body.device.id,
      currentDate: t.clock.now(),
    });
    expect(protectedHeader.kid).toEqual(expect.any(String));
    expect(payload).toMatchObject({ lic: c.licenseId, pol: c.policyId, ent: ["pro"] });
  });

  it("happy: a license file is a JWS jose verifies; its lease inside verifies too", async () => {
    const t = await servers.start();
    const c = await t.catalogue();
    const request = fileRequest(t, c.productId, c.key);
    const res = await post<{ licenseFile: string }>(t.app, "/v1/offline/license-files", {
      requestFile: serializeOfflineRequest(request),
    });
    expect(res.status).toBe(201);
    const jwks = await jwksOf(t);
    const { payload, protectedHeader } = await jwtVerify(res.body.licenseFile, jwks, {
      algorithms: ["EdDSA"],
      typ: "ninsho-license-file+jwt",
      audience: c.productId,
      currentDate: t.clock.now(),
    });
    expect(protectedHeader.alg).toBe("EdDSA");
    expect(payload).toMatchObject({ iss: "ninsho", ver: 1, lic: c.licenseId });
    await expect(
      jwtVerify(String(payload.lease), jwks, { typ: "ninsho-lease+jwt", currentDate: t.clock.now() }),
    ).resolves.toBeDefined();
  });

  it("happy: a sealed license file is a JWE jose decrypts with the device's X25519 key", async () => {
    const t = await servers.start();
    const c = await t.catalogue();
    const sealing = generateDeviceSealingKey();
    const request = fileRequest(t, c.productId, c.key, { encryptTo: sealing.publicJwk });
    const res = await post<{ licenseFile: string; sealed: boolean }>(t.app, "/v1/offline/license-files", {
      requestFile: serializeOfflineRequest(request),
    });
    expect(res.body.sealed).toBe(true);
    expect(decodeProtectedHeader(res.body.licenseFile)).toMatchObject({
      alg: "ECDH-ES",
      enc: "A256GCM",
      epk: { kty: "OKP", crv: "X25519" },
    });
    const { plaintext } = await compactDecrypt(res.body.licenseFile, sealing.privateKey);
    const inner = new TextDecoder().decode(plaintext);
    const { protectedHeader } = await compactVerify(inner, await jwksOf(t));
    expect(protectedHeader.typ).toBe("ninsho-license-file+jwt");
  });

  it("security: jose refuses an altered lease, an altered JWE and another device's key", async () => {
    const t = await servers.start();
    const c = await t.catalogue();
    const activation = await post<{ lease: string }>(t.app, "/v1/activations", {
      key: c.key,
      fingerprint: machine("jose-attack"),
      device: aDevice(),
    });
    const jwks = await jwksOf(t);
    await expect(compactVerify(tampered(activation.body.lease, 1), jwks)).rejects.toThrow();

    const sealing = generateDeviceSealingKey();
    const request = fileRequest(t, c.productId, c.key, { encryptTo: sealing.publicJwk });
    const file = (
      await post<{ licenseFile: string }>(t.app, "/v1/offline/license-files", {
        requestFile: serializeOfflineRequest(request),
      })
    ).body.licenseFile;
    await expect(compactDecrypt(tampered(file, 3), sealing.privateKey)).rejects.toThrow();
    await expect(compactDecrypt(file, generateDeviceSealingKey().privateKey)).rejects.toThrow();
  });
});
