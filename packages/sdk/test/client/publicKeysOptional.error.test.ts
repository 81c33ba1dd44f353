import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { type ClientOptions, createClient, STATE_FILES } from "../../src/index.js";
import { activatedDevice, clientFor, countingFetch, machine, readState, tempDir } from "./support/device.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(async () => {
  await server.dispose();
});

/** A client created without the product's public keys. */
function keyless(dir: string, overrides: Partial<ClientOptions> = {}) {
  return createClient({
    url: server.url,
    productId: server.productId,
    storageDir: dir,
    fingerprint: async () => machine("keyless"),
    locale: "en",
    env: {},
    ...overrides,
  });
}

describe("a client without public keys", () => {
  it("installs a key and shows its status; what needs verifying is PUBLIC_KEYS_MISSING, sent nowhere", async () => {
    const { key } = await server.newLicense();
    const network = countingFetch();
    const client = keyless(tempDir(), { fetch: network.fetch });
    const installed = await client.installKey(key);
    expect(installed.ok).toBe(true);
    expect(installed.status).toMatchObject({ state: "not_activated", keyHint: key.slice(-5) });
    expect((await client.status()).code).toBe("NOT_ACTIVATED");
    const activation = await client.activate();
    expect(!activation.ok && activation.problem.code).toBe("PUBLIC_KEYS_MISSING");
    expect(!activation.ok && activation.problem.remedy).toContain("publicKeys");
    expect((await client.validate({ online: "force" })).state).toBe("not_activated");
    const transfer = await client.transfer("dev_01OLDMACHINE");
    expect(!transfer.ok && transfer.problem.code).toBe("PUBLIC_KEYS_MISSING");
    await client.idle();
    // Nothing was sent: an activation it could not verify would take a slot for nothing.
    expect(network.calls()).toBe(0);
  });

  it("keeps a lease it cannot verify as it is, refuses to run on it, and a client with keys runs on it", async () => {
    const { dir, status } = await activatedDevice(server);
    const lease = readState(dir, STATE_FILES.lease);
    const client = keyless(dir);
    const s = await client.validate();
    expect(s).toMatchObject({ state: "not_activated", valid: false, code: "PUBLIC_KEYS_MISSING" });
    const deactivation = await client.deactivate();
    expect(!deactivation.ok && deactivation.problem.code).toBe("PUBLIC_KEYS_MISSING");
    await client.close();
    expect(readState(dir, STATE_FILES.lease)).toBe(lease);
    const withKeys = await clientFor(server, dir).validate({ online: "never" });
    expect(withKeys).toMatchObject({ state: "active", valid: true, deviceId: status.deviceId });
  });

  it("given keys that are an empty list is still a mistake, told at once", () => {
    expect(() => keyless(tempDir(), { publicKeys: [] })).toThrow(/empty/);
  });
});
