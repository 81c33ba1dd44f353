import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { STATE_FILES } from "../../src/index.js";
import { activatedDevice, clientFor, countingFetch, tempDir } from "./support/device.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(async () => {
  await server.dispose();
});

describe("autoActivate: false — only activate() takes a slot", () => {
  it("validate({ online: 'force' }) with a key and no lease does not activate", async () => {
    const { key } = await server.newLicense();
    const network = countingFetch();
    const client = clientFor(server, tempDir(), { autoActivate: false, fetch: network.fetch });
    expect((await client.installKey(key)).ok).toBe(true);
    const status = await client.validate({ online: "force" });
    await client.idle();
    expect(status).toMatchObject({ state: "not_activated", code: "NOT_ACTIVATED" });
    expect(network.calls()).toBe(0);
  });

  it("nor does it re-activate a machine whose lease was lost; activate() does, recognised", async () => {
    const { dir, status: before } = await activatedDevice(server);
    rmSync(join(dir, STATE_FILES.lease));
    const network = countingFetch();
    const client = clientFor(server, dir, { autoActivate: false, fetch: network.fetch });
    const forced = await client.validate({ online: "force" });
    await client.idle();
    expect(forced.state).toBe("not_activated");
    expect(network.calls()).toBe(0);
    const activated = await client.activate();
    expect(activated.ok && activated.decision).toMatchObject({ outcome: "recognized" });
    expect(activated.status.deviceId).toBe(before.deviceId);
  });

  it("with autoActivate on (the default), the same forced check repairs the lost lease", async () => {
    const { dir, status: before } = await activatedDevice(server);
    rmSync(join(dir, STATE_FILES.lease));
    const repaired = await clientFor(server, dir).validate({ online: "force" });
    expect(repaired).toMatchObject({ state: "active", deviceId: before.deviceId });
  });
});
