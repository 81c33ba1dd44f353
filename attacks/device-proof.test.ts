/**
 * Capability: a user who has a device's lease without being the device: the state folder copied (with or
 * without the device key, which the OS key store keeps out of the folder on Windows and macOS) to a machine
 * with another fingerprint, a `lease.jwt` taken from a backup, a refresh request captured on the way, a local
 * relay between the unmodified SDK and the server; curl to send what they like.
 * Attack: run the copied lease on another machine; have a relay swap one registered machine's product key and
 * fingerprint (and, from a copied folder, its device key) into every request, so the server's genuine answer
 * serves the machines behind it; refresh the device's lease from another copy; deactivate the paying device
 * with a lease it no longer uses; send a captured request again later.
 * Expected: the SDK checks every lease and answer against the fingerprint it reads itself (the lease names its
 * machine and the policy's match rule; a signed answer carries the digest of its request's fingerprint next to
 * the nonce), so neither is `active` elsewhere. Every request that acts as a device with a registered key
 * carries the device's proof, an HMAC over this very request by the secret the device registered at activation
 * (kept sealed by the server): without it, with another secret, over another body or too late, the server answers
 * DEVICE_PROOF_INVALID and issues nothing. A superseded lease, or one past its grace, no longer deactivates the
 * device (LEASE_INVALID), even with the key.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { DEVICE_PROOF_WINDOW_MS, signDeviceProof } from "@ninsho/core";
import { STATE_FILES } from "@ninsho/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../testing/liveServer.js";
import {
  activatedDevice,
  clientFor,
  copyFolder,
  machine,
  readFile,
  removeFolders,
  startRelay,
  tempDir,
} from "./support/deviceSide.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(async () => {
  await server.dispose();
  removeFolders();
});

const nonce = () => randomBytes(18).toString("base64url");

async function postJson(path: string, body: Record<string, unknown>) {
  const res = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const errorOf = (answer: { body: Record<string, unknown> }) =>
  answer.body.error as { code?: string; details?: { reason?: string } } | undefined;

/** The device secret as the state folder keeps it on Linux (the 0600 `device.key`). */
const keyOf = (dir: string) => Buffer.from(readFile(dir, STATE_FILES.deviceKey).trim(), "base64");

/** The fingerprint a relay swaps in for `name`'s, and the proof it makes again with `key` (when it has one). */
const swapIn = (name: string, key?: Buffer) => (path: string, body: Record<string, unknown>) => {
  const { proof: _proof, deviceSecret: _deviceSecret, ...rest } = body;
  const swapped = { ...rest, fingerprint: machine(name) };
  return key ? { ...swapped, proof: signDeviceProof(key, { path, body: swapped, at: new Date() }) } : swapped;
};

const anotherMachine = { reason: "an answer to another machine's request" };

describe("attack: a lease or an answer used on another machine", () => {
  it("a state folder copied to a machine with another fingerprint is not active, even with the device key", async () => {
    const victim = await activatedDevice(server, { machineName: "licensed-pc" });
    const down: typeof fetch = async () => {
      throw new TypeError("fetch failed");
    };
    // A whole-disk copy: the same paths (the state folder and the SDK's records beside it), other hardware.
    const cloned = clientFor(server, victim.dir, { machineName: "other-pc", fetch: down });
    const offline = await cloned.validate();
    expect(offline).toMatchObject({ valid: false, state: "mismatch", code: "FINGERPRINT_MISMATCH" });
    await cloned.close();
    const owner = clientFor(server, victim.dir, { machineName: "licensed-pc", fetch: down });
    expect(await owner.validate()).toMatchObject({ state: "active", valid: true });
    await owner.close();
    // A copy of the folder alone, online: the server names the mismatch.
    const copy = copyFolder(victim.dir);
    const online = await clientFor(server, copy, { machineName: "other-pc" }).validate({ online: "force" });
    expect(online.valid).toBe(false);
  });

  it("a relay swapping a registered machine's key, fingerprint and device key in gets answers no other machine takes", async () => {
    const victim = await activatedDevice(server, { machineName: "registered-pc" });
    // Refreshes: the copy on another machine signs with the copied device key, the relay makes the body the
    // registered machine's and signs it again with that key. The server answers genuinely, for that machine.
    const copy = copyFolder(victim.dir);
    const refreshes = await startRelay(server.url, { request: swapIn("registered-pc", keyOf(copy)) });
    const refreshed = await clientFor(server, copy, {
      url: refreshes.url,
      machineName: "behind-relay",
    }).validate({
      online: "force",
    });
    expect(refreshed.valid).toBe(false);
    expect(refreshed.connection).toMatchObject({ state: "spoofed", problem: { details: anotherMachine } });
    await refreshes.close();
    // Activations: a new machine with the same product key, the relay sending the registered machine's
    // fingerprint without a device key (as an older client would): the server recognises that machine.
    const fresh = tempDir();
    const activations = await startRelay(server.url, { request: swapIn("registered-pc") });
    const behind = clientFor(server, fresh, { url: activations.url, machineName: "second-behind-relay" });
    await behind.installKey(victim.license.key);
    const activated = await behind.activate();
    expect(activated.ok).toBe(false);
    if (!activated.ok) expect(activated.problem.details).toEqual(anotherMachine);
    expect((await behind.validate()).valid).toBe(false);
    await activations.close();
  });
});

describe("attack: acting as a device without its key", () => {
  it("a copy of the folder without the device key, on identical hardware, cannot refresh the lease", async () => {
    const victim = await activatedDevice(server, { machineName: "vm-original" });
    const copy = copyFolder(victim.dir);
    rmSync(join(copy, STATE_FILES.deviceKey));
    const leaseBefore = readFile(copy, STATE_FILES.lease);

    const s = await clientFor(server, copy, { machineName: "vm-original" }).validate({ online: "force" });
    expect(s.connection).toMatchObject({ state: "refused", problem: { code: "DEVICE_PROOF_INVALID" } });
    expect(readFile(copy, STATE_FILES.lease)).toBe(leaseBefore);
    // The paying device is untouched.
    const owner = await clientFor(server, victim.dir, { machineName: "vm-original" }).validate({
      online: "force",
    });
    expect(owner).toMatchObject({ state: "active", valid: true });
    expect(owner.code).toBeUndefined();
  });

  it("a stolen lease sent by hand, without proof or with another key, gets no lease and deactivates nothing", async () => {
    const victim = await activatedDevice(server, { machineName: "victim-pc" });
    const lease = readFile(victim.dir, STATE_FILES.lease).trim();
    const fingerprint = machine("victim-pc");
    const refresh = await postJson("/v1/validate", { lease, fingerprint, nonce: nonce() });
    expect(refresh.status).toBe(401);
    expect(errorOf(refresh)?.code).toBe("DEVICE_PROOF_INVALID");
    expect(refresh.body.lease).toBeUndefined();

    const stranger = randomBytes(32);
    const body = { lease, nonce: nonce() };
    const proof = signDeviceProof(stranger, { path: "/v1/deactivations", body, at: new Date() });
    const deactivation = await postJson("/v1/deactivations", { ...body, proof });
    expect(errorOf(deactivation)?.code).toBe("DEVICE_PROOF_INVALID");
    expect(
      (await clientFor(server, victim.dir, { machineName: "victim-pc" }).validate({ online: "force" })).valid,
    ).toBe(true);
  });

  it("a captured refresh request cannot be sent again once its proof is stale, nor altered", async () => {
    const victim = await activatedDevice(server, { machineName: "captured-pc" });
    const key = keyOf(victim.dir);
    const lease = readFile(victim.dir, STATE_FILES.lease).trim();
    const body = { lease, fingerprint: machine("captured-pc"), nonce: nonce() };
    const madeEarlier = new Date(Date.now() - DEVICE_PROOF_WINDOW_MS - 60_000);
    const proof = signDeviceProof(key, { path: "/v1/validate", body, at: madeEarlier });
    const replayed = await postJson("/v1/validate", { ...body, proof });
    expect(errorOf(replayed)).toMatchObject({ code: "DEVICE_PROOF_INVALID", details: { reason: "stale" } });
    const fresh = signDeviceProof(key, { path: "/v1/validate", body, at: new Date() });
    const altered = await postJson("/v1/validate", {
      ...body,
      fingerprint: machine("elsewhere"),
      proof: fresh,
    });
    expect(errorOf(altered)).toMatchObject({ details: { reason: "bad_signature" } });
  });

  it("a lease from a backup, superseded since, no longer deactivates the device, even with its key", async () => {
    const victim = await activatedDevice(server, { machineName: "backed-up" });
    const backup = copyFolder(victim.dir);
    // The device moves on: two refreshes (each after a RAM change, so each gets a new lease) leave the backup's
    // lease two steps behind (one step behind is a lost reply, still honoured).
    for (const ram of ["1", "2"]) {
      const base = machine("backed-up");
      const upgraded = {
        ...base,
        components: base.components.map((c) =>
          c.kind === "ram" ? { kind: "ram", digest: ram.repeat(64) } : c,
        ),
      };
      const later = clientFor(server, victim.dir, { fingerprint: async () => upgraded });
      expect((await later.validate({ online: "force" })).valid).toBe(true);
      await later.close();
    }
    const old = readFile(backup, STATE_FILES.lease).trim();
    const body = { lease: old, nonce: nonce() };
    const proof = signDeviceProof(keyOf(backup), { path: "/v1/deactivations", body, at: new Date() });
    const deactivation = await postJson("/v1/deactivations", { ...body, proof });
    expect(deactivation.status).toBe(401);
    expect(errorOf(deactivation)).toMatchObject({ code: "LEASE_INVALID" });
    expect(readFile(victim.dir, STATE_FILES.lease).trim()).not.toBe(old);
  });
});
