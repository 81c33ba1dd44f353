import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { activatedDevice, clientFor, HOUR, machine, testClock } from "./support/device.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(async () => {
  await server.dispose();
});

describe("status: what the server last said, kept in the state folder", () => {
  it("shows the signed server time of the last answer, beside when it arrived here", async () => {
    const clock = testClock(Date.now() + 2 * HOUR);
    const { dir, status } = await activatedDevice(server, { now: clock.now });
    expect(status.lastServerTime).toBeDefined();
    const serverTime = Date.parse(status.lastServerTime ?? "");
    const arrived = Date.parse(status.lastServerContactAt ?? "");
    // The device clock runs two hours ahead of the server's signed (real) time.
    expect(arrived - serverTime).toBeGreaterThan(2 * HOUR - 60_000);
    expect(arrived - serverTime).toBeLessThan(2 * HOUR + 60_000);
    // A new client on the folder knows it too, offline.
    const again = await clientFor(server, dir, { now: clock.now }).status();
    expect(again.lastServerTime).toBe(status.lastServerTime);
    // A later answer replaces it.
    clock.advance(HOUR);
    const refreshed = await clientFor(server, dir, { now: clock.now }).validate({ online: "force" });
    expect(Date.parse(refreshed.lastServerTime ?? "")).toBeGreaterThanOrEqual(serverTime);
    expect(refreshed.lastServerContactAt).not.toBe(status.lastServerContactAt);
  });

  it("keeps the fingerprint the server last accepted, replaced at each validation, gone at deactivation", async () => {
    const { dir, status } = await activatedDevice(server, { machineName: "accepted-a" });
    const first = machine("accepted-a");
    expect(status.acceptedFingerprint).toMatchObject({
      collector: first.collector,
      components: first.components,
      at: status.lastServerContactAt,
    });
    // One part replaced: still recognised, and the server now compares with the new set.
    const changed = {
      ...first,
      components: first.components.map((c) => (c.kind === "mac" ? { ...c, digest: "d0c4".repeat(16) } : c)),
    };
    const client = clientFor(server, dir, { fingerprint: async () => changed });
    const validated = await client.validate({ online: "force" });
    expect(validated.state).toBe("active");
    expect(validated.acceptedFingerprint?.components).toEqual(changed.components);
    expect((await clientFor(server, dir).status()).acceptedFingerprint?.components).toEqual(
      changed.components,
    );
    const deactivated = await client.deactivate();
    expect(deactivated.ok).toBe(true);
    expect(deactivated.status.acceptedFingerprint).toBeUndefined();
  });

  it("keeps the license's policy and device limit from the server's view of it", async () => {
    const { dir, status } = await activatedDevice(server);
    expect(status).toMatchObject({ policyId: server.policyId, maxDevices: 3 });
    const restarted = await clientFor(server, dir).status();
    expect(restarted).toMatchObject({ policyId: server.policyId, maxDevices: 3 });
  });
});
