/**
 * Device proof on the server: a secret registered at activation, every request that acts as the device proven
 * with an HMAC by it (refresh by lease, deactivation), a device activated before secrets registering one at its
 * next refresh, and what is refused: no proof, another secret, a stale or replayed proof, an altered body. The
 * secret is kept sealed: the database never holds it in clear.
 */
import {
  DEVICE_PROOF_WINDOW_MS,
  deviceSecretText,
  fingerprintBinding,
  newDeviceSecret,
  signDeviceProof,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { machine } from "./support/fingerprints.js";
import { type Answer, get, post, str } from "./support/http.js";
import { aDevice, newNonce, type TestServer, useServers } from "./support/server.js";
import { mailedCode, ownedCatalogue } from "./support/transfers.js";

const deviceSecrets = () => {
  const secret = newDeviceSecret();
  return { secret, text: deviceSecretText(secret) };
};

/** POST a body proven as the device with `secret` (at the server's clock unless `at` is given). */
function signedPost(t: TestServer, path: string, body: Record<string, unknown>, secret: Buffer, at?: Date) {
  const proof = signDeviceProof(secret, { path, body, at: at ?? t.clock.now() });
  return post(t.app, path, { ...body, proof });
}

const codeOf = (res: Answer) => (res.body as { error?: { code?: string; details?: unknown } }).error;

async function keyedDevice(t: TestServer, name: string) {
  const c = await ownedCatalogue(t, { maxDevices: 3 });
  const keys = deviceSecrets();
  const fingerprint = machine(name);
  const body = { key: c.key, fingerprint, device: aDevice(), deviceSecret: keys.text, nonce: newNonce() };
  const res = await signedPost(t, "/v1/activations", body, keys.secret);
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
    const proven = await signedPost(t, "/v1/validate", validate, keys.secret);
    expect(proven.status).toBe(200);
    expect(proven.body).toMatchObject({ valid: true });

    const other = deviceSecrets();
    const wrong = await signedPost(t, "/v1/validate", { ...validate, nonce: newNonce() }, other.secret);
    expect(codeOf(wrong)).toMatchObject({ details: { reason: "bad_signature" } });
    const swapped = await signedPost(
      t,
      "/v1/validate",
      { ...validate, nonce: newNonce(), deviceSecret: other.text },
      other.secret,
    );
    expect(codeOf(swapped)).toMatchObject({ details: { reason: "another_key" } });

    const noProof = await post(t.app, "/v1/deactivations", { lease, nonce: newNonce() });
    expect(codeOf(noProof)).toMatchObject({ code: "DEVICE_PROOF_INVALID" });
    const done = await signedPost(t, "/v1/deactivations", { lease, nonce: newNonce() }, keys.secret);
    expect(done.status).toBe(200);
  });

  it("a proof is bound to its body and its time: altered, replayed late or made far off is refused", async () => {
    const t = await servers.start();
    const { keys, fingerprint, lease } = await keyedDevice(t, "bound");
    const body = { lease, fingerprint, nonce: newNonce() };
    const proof = signDeviceProof(keys.secret, { path: "/v1/validate", body, at: t.clock.now() });
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
    const fast = await signedPost(t, "/v1/validate", { ...body, nonce: newNonce() }, keys.secret, ahead);
    expect(codeOf(fast)).toMatchObject({ details: { reason: "stale" } });
  });

  it("a registration must prove the key it registers", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ maxDevices: 3 });
    const keys = deviceSecrets();
    const body = { key: c.key, fingerprint: machine("pop"), device: aDevice(), deviceSecret: keys.text };
    const forged = await signedPost(t, "/v1/activations", body, deviceSecrets().secret);
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
    const keys = deviceSecrets();
    const registering = { lease, fingerprint, nonce: newNonce(), deviceSecret: keys.text };
    expect((await signedPost(t, "/v1/validate", registering, keys.secret)).status).toBe(200);
    // From now on it is a device with a key.
    expect(codeOf(await t.validate({ lease }, fingerprint))).toMatchObject({ code: "DEVICE_PROOF_INVALID" });
    const late = deviceSecrets();
    const second = await signedPost(
      t,
      "/v1/validate",
      { lease, fingerprint, nonce: newNonce(), deviceSecret: late.text },
      late.secret,
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
    const proven = await signedPost(t, "/v1/validate", body, keys.secret);
    expect(proven.status).toBe(200);
    expect(proven.body).toMatchObject({ valid: true });
    expect(str(proven.body, "lease")).not.toBe("");

    const stranger = await signedPost(
      t,
      "/v1/validate",
      { ...body, nonce: newNonce() },
      deviceSecrets().secret,
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
    const keys = deviceSecrets();
    const body = { key: c.key, fingerprint, nonce: newNonce(), deviceSecret: keys.text };
    const offered = await signedPost(t, "/v1/validate", body, keys.secret);
    expect(offered.body).toMatchObject({ valid: false, problem: { code: "DEVICE_PROOF_REQUIRED" } });
  });

  it("a transfer registers the new machine's key with a fresh proof; a stale one is refused", async () => {
    const t = await servers.start();
    const { c, fingerprint: _old, deviceId } = await keyedDevice(t, "leaving");
    const keys = deviceSecrets();
    const code = await mailedCode(t, c.key);
    const body = {
      key: c.key,
      code,
      replacesDeviceId: deviceId,
      fingerprint: machine("arriving"),
      device: aDevice(),
    };
    const registering = { ...body, deviceSecret: keys.text, nonce: newNonce() };
    const late = new Date(t.clock.now().getTime() - DEVICE_PROOF_WINDOW_MS - 1000);
    const stale = await signedPost(t, "/v1/transfers", registering, keys.secret, late);
    expect(codeOf(stale)).toMatchObject({ code: "DEVICE_PROOF_INVALID", details: { reason: "stale" } });
    const moved = await signedPost(t, "/v1/transfers", registering, keys.secret);
    expect(moved.status).toBe(201);
    const lease = str(moved.body, "lease");
    const refresh = { lease, fingerprint: machine("arriving"), nonce: newNonce() };
    expect((await signedPost(t, "/v1/validate", refresh, keys.secret)).body).toMatchObject({
      valid: true,
    });
    expect(codeOf(await t.validate({ lease }, machine("arriving")))).toMatchObject({
      code: "DEVICE_PROOF_INVALID",
    });
  });

  it("signed answers carry the digest of the fingerprint their request sent", async () => {
    const t = await servers.start();
    const { keys, fingerprint, lease } = await keyedDevice(t, "bound-answer");
    const res = await signedPost(t, "/v1/validate", { lease, fingerprint, nonce: newNonce() }, keys.secret);
    expect(str(res.body, "fingerprintDigest")).toBe(fingerprintBinding(fingerprint));
  });

  it("the secret is sealed at rest, bound to its device, and no admin token of any role is shown it", async () => {
    const t = await servers.start();
    const { c, keys, deviceId } = await keyedDevice(t, "at-rest");
    const stored = (await t.store.devices.findById(deviceId))?.deviceSecret ?? "";
    // The database holds an AES-GCM seal, never the secret (in any encoding) it registered.
    expect(stored).toMatch(/^v1\./);
    for (const text of [keys.text, keys.secret.toString("base64"), keys.secret.toString("hex")])
      expect(stored).not.toContain(text);
    // Moved onto another device's row, the seal does not open: that device cannot be proven with it.
    const other = await keyedDevice(t, "at-rest-other");
    await t.store.devices.update(other.deviceId, { deviceSecret: stored });
    const moved = await signedPost(
      t,
      "/v1/validate",
      { lease: other.lease, fingerprint: other.fingerprint, nonce: newNonce() },
      keys.secret,
    );
    expect(codeOf(moved)).toMatchObject({ code: "DEVICE_PROOF_INVALID", details: { reason: "unknown_key" } });
    for (const role of ["admin", "readonly"] as const) {
      const token =
        role === "admin"
          ? t.admin
          : str((await t.adminPost("/v1/admin/tokens", { name: role, role })).body, "token");
      const seen = await get(t.app, `/v1/admin/licenses/${c.licenseId}`, { token });
      expect(seen.status).toBe(200);
      expect(JSON.stringify(seen.body)).not.toContain("deviceSecret");
      expect(JSON.stringify(seen.body)).not.toContain(stored.split(".")[2]);
    }
  });
});
