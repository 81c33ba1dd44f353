/**
 * The SDK's side of the device proof: the key it makes at activation (a 0600 file on this OS), the proofs it
 * stamps with the server's time, its one retry when its clock is off, and how a device that lost its key
 * comes back (activation with the product key registers a new one).
 */
import { rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { STATE_FILES } from "../../src/index.js";
import { activatedDevice, clientFor, countingFetch, HOUR } from "./support/device.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(async () => {
  await server.dispose();
});

describe("device proof: happy paths", () => {
  it("activation makes a device key in a 0600 file and refreshes are signed with it", async () => {
    const { dir } = await activatedDevice(server, { machineName: "keyed" });
    expect(statSync(join(dir, STATE_FILES.deviceKey)).mode & 0o777).toBe(0o600);
    const again = clientFor(server, dir, { machineName: "keyed" });
    expect(await again.validate({ online: "force" })).toMatchObject({ state: "active", valid: true });
    await again.close();
  });

  it("a clock two hours off is corrected once with the server's time, and the refresh goes through", async () => {
    const { dir } = await activatedDevice(server, { machineName: "skewed" });
    const network = countingFetch();
    const ahead = clientFor(server, dir, {
      machineName: "skewed",
      fetch: network.fetch,
      now: () => Date.now() + 2 * HOUR,
    });
    const s = await ahead.validate({ online: "force" });
    expect(s).toMatchObject({ state: "active", valid: true });
    expect(s.code).toBeUndefined();
    expect(network.calls()).toBe(2);
    await ahead.close();
  });
});

describe("device proof: deactivation", () => {
  it("a machine whose lease is past its grace refreshes it first, then gives its slot back", async () => {
    const { dir } = await activatedDevice(server, { machineName: "long-off" });
    const network = countingFetch();
    const later = clientFor(server, dir, {
      machineName: "long-off",
      fetch: network.fetch,
      now: () => Date.now() + 30 * 24 * HOUR,
    });
    const released = await later.deactivate();
    expect(released.ok).toBe(true);
    expect(released.status.state).toBe("not_activated");
    // The refresh (its proof stamped with a clock 30 days off, then with the server's time), then the release.
    expect(network.calls()).toBe(3);
    await later.close();
  });
});

describe("device proof: a device that lost its key", () => {
  it("is refused (DEVICE_PROOF_INVALID) until it activates again with the product key", async () => {
    const { dir } = await activatedDevice(server, { machineName: "wiped" });
    rmSync(join(dir, STATE_FILES.deviceKey));
    const lost = clientFor(server, dir, { machineName: "wiped" });
    const refused = await lost.validate({ online: "force" });
    expect(refused.connection.problem?.code).toBe("DEVICE_PROOF_INVALID");
    const activated = await lost.activate();
    expect(activated.ok).toBe(true);
    expect(await lost.validate({ online: "force" })).toMatchObject({ state: "active", valid: true });
    await lost.close();
  });
});
