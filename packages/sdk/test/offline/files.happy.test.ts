import { statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { OFFLINE_REQUESTS_FILE } from "../../src/index.js";
import { clientFor, countingFetch, readState } from "../client/support/device.js";
import { licenseFileFor, offlineDevice } from "./support.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(async () => {
  await server.dispose();
});

/** A machine with a key that wrote a request file, and the license file the vendor's portal made of it. */
async function withLicenseFile(options: { seal?: boolean; machineName?: string; key?: string } = {}) {
  const key = options.key ?? (await server.newLicense()).key;
  const device = await offlineDevice(server, key, { machineName: options.machineName ?? "usb-pc" });
  const written = await device.client.offlineRequest(
    options.seal === undefined ? {} : { seal: options.seal },
  );
  if (!written.ok) throw new Error(written.problem.code);
  const answer = await licenseFileFor(server, written.requestFile.contents);
  if (answer.status !== 201) throw new Error(JSON.stringify(answer.body));
  return { ...device, key, requestFile: written.requestFile, answer: answer.body };
}

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

describe("USB activation: request file out, license file in", () => {
  it("writes a sealed request, keeps its private key (0600), and installs the sealed license file as a normal lease", async () => {
    const { client, dir, requestFile, answer } = await withLicenseFile();
    expect(requestFile.sealed).toBe(true);
    expect(requestFile.fileName).toMatch(/^ninsho-request-\d{4}-\d\d-\d\d\.json$/);
    const request = JSON.parse(requestFile.contents) as Record<string, unknown>;
    expect(request).toMatchObject({
      format: "ninsho.offline-request",
      version: 1,
      productId: server.productId,
    });
    expect(request.encryptTo).toMatchObject({ kty: "OKP", crv: "X25519" });
    expect(JSON.stringify(request)).not.toContain("PRIVATE KEY");
    const kept = readState(dir, OFFLINE_REQUESTS_FILE);
    expect(kept).toContain("BEGIN PRIVATE KEY");
    if (process.platform !== "win32")
      expect(statSync(join(dir, OFFLINE_REQUESTS_FILE)).mode & 0o777).toBe(0o600);

    expect(answer.sealed).toBe(true);
    expect(answer.licenseFile.split(".")).toHaveLength(5);
    const installed = await client.installLicenseFile(`${answer.licenseFile}\n`);
    expect(installed.ok).toBe(true);
    if (!installed.ok) return;
    expect(installed.licenseFile).toMatchObject({
      deviceId: answer.device.id,
      sealed: true,
      requestDigest: requestFile.digest,
    });
    // The lease counts whole seconds; the server's answer states the same instants to the millisecond.
    expect(seconds(installed.licenseFile.leaseExpiresAt)).toBe(seconds(answer.leaseExpiresAt));
    expect(seconds(installed.licenseFile.graceEndsAt)).toBe(seconds(answer.graceEndsAt));
    expect(installed.status).toMatchObject({
      state: "active",
      valid: true,
      leaseKind: "signed",
      deviceId: answer.device.id,
      entitlements: ["demo"],
      leaseExpiresAt: installed.licenseFile.leaseExpiresAt,
    });
    expect(installed.status.lastDecision).toMatchObject({ by: "activation", outcome: "license_file" });

    // It survives a restart with no network at all (on the same machine: the lease names its components).
    const network = countingFetch();
    const restarted = clientFor(server, dir, { fetch: network.fetch, machineName: "usb-pc" });
    expect(await restarted.validate()).toMatchObject({ state: "active", deviceId: answer.device.id });
    await restarted.idle();
    expect(network.calls()).toBe(0);
  });

  it("installs an unsealed license file when the request did not ask for sealing", async () => {
    const { client, requestFile, answer } = await withLicenseFile({ seal: false });
    expect(requestFile.sealed).toBe(false);
    expect(JSON.parse(requestFile.contents)).not.toHaveProperty("encryptTo");
    expect(answer.sealed).toBe(false);
    const installed = await client.installLicenseFile(answer.licenseFile);
    expect(installed.ok && installed.status.state).toBe("active");
  });

  it("a request file sent twice gets the same license file, takes one slot, and installs twice alike", async () => {
    const { client, requestFile, answer } = await withLicenseFile({ seal: false });
    const replay = await licenseFileFor(server, requestFile.contents);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({
      replayed: true,
      device: answer.device,
      licenseFile: answer.licenseFile,
    });
    expect((await client.installLicenseFile(answer.licenseFile)).ok).toBe(true);
    const again = await client.installLicenseFile(replay.body.licenseFile);
    expect(again.ok && again.status.deviceId).toBe(answer.device.id);
  });

  it("a license file for an earlier request still installs after a newer request", async () => {
    const { client, answer } = await withLicenseFile();
    const newer = await client.offlineRequest();
    expect(newer.ok).toBe(true);
    const installed = await client.installLicenseFile(answer.licenseFile);
    expect(installed.ok && installed.status.state).toBe("active");
  });
});
