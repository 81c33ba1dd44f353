/**
 * Device proof on the server: a key registered at activation, every request that acts as the device signed
 * with it (refresh by lease, deactivation), a device activated before keys registering one at its next
 * refresh, and what is refused: no proof, another key, a stale or replayed proof, an altered body.
 */
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import {
  DEVICE_PROOF_WINDOW_MS,
  devicePublicKeyText,
  fingerprintBinding,
  signDeviceProof,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { machine } from "./support/fingerprints.js";
import { type Answer, post, str } from "./support/http.js";
import { aDevice, newNonce, type TestServer, useServers } from "./support/server.js";

const deviceKeys = () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return { privateKey, text: devicePublicKeyText(publicKey) };
};

/** POST a body signed as the device with `key` (at the server's clock unless `at` is given). */
function signedPost(t: TestServer, path: string, body: Record<string, unknown>, key: KeyObject, at?: Date) {
  const proof = signDeviceProof(key, { path, body, at: at ?? t.clock.now() });
  return post(t.app, path, { ...body, proof });
}

const codeOf = (res: Answer) => (res.body as { error?: { code?: string; details?: unknown } }).error;

async function keyedDevice(t: TestServer, name: string) {
  const c = await t.catalogue({ maxDevices: 3 });
  const keys = deviceKeys();
  const fingerprint = machine(name);
  const body = { key: c.key, fingerprint, device: aDevice(), deviceKey: keys.text, nonce: newNonce() };
  const res = await signedPost(t, "/v1/activations", body, keys.privateKey);
  expect(res.status).toBe(201);
  return { c, keys, fingerprint, lease: str(res.body, "lease"), deviceId: str(res.body, "device.id") };
}

describe("device proof", () => {
  const servers = useServers("all");

  it("a device with a key refreshes and deactivates only with its proof", async () => {
    const t = await servers.start();
    const { keys, fingerprint, lease } = await keyedDevice(t, "keyed");
    const bare = await t.validate({ lease }, fingerprint);
    expect(bare.status).toBe(401);
    expect(codeOf(bare)).toMatchObject({ code: "DEVICE_PROOF_INVALID", details: { reason: "missing" } });

    const validate = { lease, fingerprint, nonce: newNonce() };
    const proven = await signedPost(t, "/v1/validate", validate, keys.privateKey);
    expect(proven.status).toBe(200);
    expect(proven.body).toMatchObject({ valid: true });

    const other = deviceKeys();
    const wrong = await signedPost(t, "/v1/validate", { ...validate, nonce: newNonce() }, other.privateKey);
    expect(codeOf(wrong)).toMatchObject({ details: { reason: "bad_signature" } });
    const swapped = await signedPost(
      t,
      "/v1/validate",
      { ...validate, nonce: newNonce(), deviceKey: other.text },
      other.privateKey,
    );
    expect(codeOf(swapped)).toMatchObject({ details: { reason: "another_key" } });

    const noProof = await post(t.app, "/v1/deactivations", { lease, nonce: newNonce() });
    expect(codeOf(noProof)).toMatchObject({ code: "DEVICE_PROOF_INVALID" });
    const done = await signedPost(t, "/v1/deactivations", { lease, nonce: newNonce() }, keys.privateKey);
    expect(done.status).toBe(200);
  });

  it("a proof is bound to its body and its time: altered, replayed late or made far off is refused", async () => {
    const t = await servers.start();
    const { keys, fingerprint, lease } = await keyedDevice(t, "bound");
    const body = { lease, fingerprint, nonce: newNonce() };
    const proof = signDeviceProof(keys.privateKey, { path: "/v1/validate", body, at: t.clock.now() });
    const altered = await post(t.app, "/v1/validate", { ...body, fingerprint: machine("else"), proof });
    expect(codeOf(altered)).toMatchObject({ details: { reason: "bad_signature" } });
    const otherRoute = await post(t.app, "/v1/deactivations", { lease, nonce: body.nonce, proof });
    expect(codeOf(otherRoute)).toMatchObject({ code: "DEVICE_PROOF_INVALID" });
    t.clock.advance(DEVICE_PROOF_WINDOW_MS + 1000);
    const late = await post(t.app, "/v1/validate", { ...body, proof });
    expect(codeOf(late)).toMatchObject({
      details: { reason: "stale", serverTime: t.clock.now().toISOString() },
    });
    const ahead = new Date(t.clock.now().getTime() + DEVICE_PROOF_WINDOW_MS + 1000);
    const fast = await signedPost(t, "/v1/validate", { ...body, nonce: newNonce() }, keys.privateKey, ahead);
    expect(codeOf(fast)).toMatchObject({ details: { reason: "stale" } });
  });

  it("a registration must prove the key it registers", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ maxDevices: 3 });
    const keys = deviceKeys();
    const body = { key: c.key, fingerprint: machine("pop"), device: aDevice(), deviceKey: keys.text };
    const forged = await signedPost(t, "/v1/activations", body, deviceKeys().privateKey);
    expect(codeOf(forged)).toMatchObject({
      code: "DEVICE_PROOF_INVALID",
      details: { reason: "bad_signature" },
    });
    const unproven = await post(t.app, "/v1/activations", body);
    expect(codeOf(unproven)).toMatchObject({ details: { reason: "missing" } });
  });

  it("a device activated without a key registers one at its next refresh; the first key proven stays", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ maxDevices: 3 });
    const fingerprint = machine("legacy");
    const { lease } = await t.activated(c.key, fingerprint);
    // Served as before until it offers a key.
    expect((await t.validate({ lease }, fingerprint)).status).toBe(200);
    const keys = deviceKeys();
    const registering = { lease, fingerprint, nonce: newNonce(), deviceKey: keys.text };
    expect((await signedPost(t, "/v1/validate", registering, keys.privateKey)).status).toBe(200);
    // From now on it is a device with a key.
    expect(codeOf(await t.validate({ lease }, fingerprint))).toMatchObject({ code: "DEVICE_PROOF_INVALID" });
    const late = deviceKeys();
    const second = await signedPost(
      t,
      "/v1/validate",
      { lease, fingerprint, nonce: newNonce(), deviceKey: late.text },
      late.privateKey,
    );
    expect(codeOf(second)).toMatchObject({ details: { reason: "another_key" } });
  });

  it("by key, a device is served a lease only with its proof; a failing proof is DEVICE_PROOF_INVALID", async () => {
    const t = await servers.start();
    const { c, keys, fingerprint } = await keyedDevice(t, "by-key");
    const bare = await t.validate({ key: c.key }, fingerprint);
    expect(bare.status).toBe(200);
    expect(bare.body).toMatchObject({ valid: false, problem: { code: "DEVICE_PROOF_REQUIRED" } });
    expect((bare.body as { lease?: string }).lease).toBeUndefined();

    const body = { key: c.key, fingerprint, nonce: newNonce() };
    const proven = await signedPost(t, "/v1/validate", body, keys.privateKey);
    expect(proven.status).toBe(200);
    expect(proven.body).toMatchObject({ valid: true });
    expect(str(proven.body, "lease")).not.toBe("");

    const stranger = await signedPost(
      t,
      "/v1/validate",
      { ...body, nonce: newNonce() },
      deviceKeys().privateKey,
    );
    expect(stranger.status).toBe(401);
    expect(codeOf(stranger)).toMatchObject({
      code: "DEVICE_PROOF_INVALID",
      details: { reason: "bad_signature" },
    });
  });

  it("by key, a device without a registered key cannot be proven (nothing to prove with)", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ maxDevices: 3 });
    const fingerprint = machine("legacy-by-key");
    await t.activated(c.key, fingerprint);
    const keys = deviceKeys();
    const body = { key: c.key, fingerprint, nonce: newNonce(), deviceKey: keys.text };
    const offered = await signedPost(t, "/v1/validate", body, keys.privateKey);
    expect(offered.body).toMatchObject({ valid: false, problem: { code: "DEVICE_PROOF_REQUIRED" } });
  });

  it("a transfer registers the new machine's key with a fresh proof; a stale one is refused", async () => {
    const t = await servers.start();
    const { c, fingerprint: _old, deviceId } = await keyedDevice(t, "leaving");
    const keys = deviceKeys();
    const body = { key: c.key, fromDeviceId: deviceId, fingerprint: machine("arriving"), device: aDevice() };
    const registering = { ...body, deviceKey: keys.text, nonce: newNonce() };
    const late = new Date(t.clock.now().getTime() - DEVICE_PROOF_WINDOW_MS - 1000);
    const stale = await signedPost(t, "/v1/transfers", registering, keys.privateKey, late);
    expect(codeOf(stale)).toMatchObject({ code: "DEVICE_PROOF_INVALID", details: { reason: "stale" } });
    const moved = await signedPost(t, "/v1/transfers", registering, keys.privateKey);
    expect(moved.status).toBe(201);
    const lease = str(moved.body, "lease");
    const refresh = { lease, fingerprint: machine("arriving"), nonce: newNonce() };
    expect((await signedPost(t, "/v1/validate", refresh, keys.privateKey)).body).toMatchObject({
      valid: true,
    });
    expect(codeOf(await t.validate({ lease }, machine("arriving")))).toMatchObject({
      code: "DEVICE_PROOF_INVALID",
    });
  });

  it("signed answers carry the digest of the fingerprint their request sent", async () => {
    const t = await servers.start();
    const { keys, fingerprint, lease } = await keyedDevice(t, "bound-answer");
    const res = await signedPost(
      t,
      "/v1/validate",
      { lease, fingerprint, nonce: newNonce() },
      keys.privateKey,
    );
    expect(str(res.body, "fingerprintDigest")).toBe(fingerprintBinding(fingerprint));
  });
});
