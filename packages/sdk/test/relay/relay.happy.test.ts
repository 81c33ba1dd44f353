/**
 * An app on an air-gapped network: it finds the relay through DNS SRV (a resolver stub standing in for the
 * customer's DNS), activates, renews, keeps running through a relay outage until its lease's offline end, and
 * the relay's usage report goes back to the vendor's server.
 */
import { createRelayClient } from "@ninsho/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { aMachine, relayOf } from "./support.js";

describe("the SDK against an on-premises relay", () => {
  let server: LiveServer;
  beforeAll(async () => {
    server = await startLiveServer();
  });
  afterAll(async () => {
    await server.dispose();
  });

  it("finds the relay by SRV, activates, renews, survives an outage, and the report reaches the vendor", async () => {
    const relay = await relayOf(server, 2);
    try {
      const running = await relay.start();
      const asked: string[] = [];
      const resolveSrv = async (name: string) => {
        asked.push(name);
        return [
          { name: "backup.plant4.local", port: 1, priority: 20, weight: 0 },
          { name: "127.0.0.1", port: running.port, priority: 10, weight: 5 },
        ];
      };
      let now = Date.now();
      const client = createRelayClient({
        relay: { domain: "plant4.local", resolveSrv },
        publicKeys: server.jwks,
        productId: server.productId,
        machine: aMachine("line-1"),
        now: () => now,
      });
      const held = await client.activate();
      if (!held.ok) throw new Error(held.problem.message);
      expect(asked).toEqual(["_ninsho._tcp.plant4.local"]);
      expect(held.value.grant).toMatchObject({ lic: relay.licenseId, max: 2 });
      const renewed = await client.renew();
      expect(renewed.ok).toBe(true);
      // The relay goes down: the app keeps running on its lease until its offline end, and no longer.
      const report = await fetch(`${running.url}/admin/usage-report`, {
        headers: { authorization: `Bearer ${running.adminToken}` },
      });
      const reportFile = await report.text();
      await relay.stop();
      const failed = await client.renew();
      expect(!failed.ok && failed.problem.code).toBe("SERVER_UNREACHABLE");
      const status = client.status();
      expect(status.running).toBe(true);
      now = Date.parse(status.runsUntil ?? "") - 1000;
      expect(client.status().running).toBe(true);
      now += 2000;
      expect(client.status().running).toBe(false);
      // The report travels back by USB and is imported for true-up.
      const imported = await server.admin("POST", "/v1/admin/usage-reports", { reportFile });
      expect(imported.status).toBe(201);
      expect(imported.body).toMatchObject({
        licenseId: relay.licenseId,
        admitted: 1,
        renewals: 1,
        maxDevices: 2,
      });
    } finally {
      await relay.dispose();
    }
  });

  it("says plainly when no SRV record names a relay", async () => {
    const client = createRelayClient({
      relay: { domain: "nowhere.local", resolveSrv: async () => [] },
      publicKeys: server.jwks,
      productId: server.productId,
      machine: aMachine("x"),
    });
    const held = await client.activate();
    expect(!held.ok && held.problem.code).toBe("SERVER_UNREACHABLE");
  });
});
