import { publicKeyFromJwk, verifyRelayLease, verifyUsageReport } from "@ninsho/core";
import { relayUsage, startRelay } from "@ninsho/relay";
import { describe, expect, it } from "vitest";
import {
  activationBody,
  aMachine,
  aRelay,
  DAY_S,
  newVendor,
  postJson,
  renewalBody,
  T0,
} from "./support/relay.js";

const vendorKeys = (jwks: string) =>
  new Map(
    (JSON.parse(jwks) as { keys: { kid: string; x: string }[] }).keys.map((k) => [
      k.kid,
      publicKeyFromJwk({ kty: "OKP", crv: "Ed25519", x: k.x }),
    ]),
  );

/** An app over a loopback port, as clients on the network reach the relay. */
const overHttp = (url: string) => ({
  request: (path: string, init: RequestInit) => fetch(`${url}${path}`, init),
});

describe("a relay admits exactly its grant's devices", () => {
  it("serves 60 clients at once with a 50-device grant on a loopback port: exactly 50 admitted", async () => {
    const vendor = newVendor();
    const relay = aRelay(vendor, { max: 50 });
    const { ctx } = relay.open();
    const running = await startRelay(ctx, { port: 0, host: "127.0.0.1" });
    try {
      const http = overHttp(running.url);
      const machines = Array.from({ length: 60 }, (_, i) => aMachine(`PC-${i}`));
      const answers = await Promise.all(
        machines.map((m) => postJson(http, "/v1/activations", activationBody(m, relay.clock.read()))),
      );
      const admitted = answers.filter((a) => a.status === 201);
      const refused = answers.filter((a) => a.status !== 201);
      expect(admitted).toHaveLength(50);
      expect(refused).toHaveLength(10);
      for (const r of refused) expect(r.body.error?.code).toBe("RELAY_GRANT_FULL");
      const slots = admitted.map((a) => (a.body.device as { slot: number }).slot).sort((x, y) => x - y);
      expect(slots).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      // Every lease verifies up the chain: relay key → grant → the vendor's key the app pins.
      for (const a of admitted) {
        const chain = verifyRelayLease(
          { lease: String(a.body.lease), grant: String(a.body.grant) },
          vendorKeys(vendor.jwks),
          vendor.productId,
        );
        expect(chain.ok).toBe(true);
      }
      const report = await fetch(`${running.url}/admin/usage-report`, {
        headers: { authorization: `Bearer ${running.adminToken}` },
      });
      const checked = verifyUsageReport(await report.json(), vendorKeys(vendor.jwks));
      expect(checked.ok && checked.value.report).toMatchObject({ adm: 50, max: 50, ref: 10, pk: 50 });
    } finally {
      await running.close();
    }
  });

  it("renews leases every renewal period and counts renewals; a known machine gets its slot back", async () => {
    const vendor = newVendor();
    const relay = aRelay(vendor, { max: 3 });
    const { app } = relay.open();
    const machine = aMachine("CAD-1");
    const first = await postJson(app, "/v1/activations", activationBody(machine, relay.clock.read()));
    expect(first.status).toBe(201);
    expect(first.body.renewBy).toBe(new Date(T0 + 7 * DAY_S * 1000).toISOString());
    expect(first.body.runsUntil).toBe(new Date(T0 + 30 * DAY_S * 1000).toISOString());
    let lease = String(first.body.lease);
    for (let week = 1; week <= 3; week += 1) {
      relay.clock.now = T0 + week * 7 * DAY_S * 1000;
      const renewed = await postJson(app, "/v1/renewals", renewalBody(machine, lease, relay.clock.read()));
      expect(renewed.status).toBe(200);
      expect(renewed.body.device).toEqual(first.body.device);
      expect(renewed.body.runsUntil).toBe(new Date(relay.clock.now + 30 * DAY_S * 1000).toISOString());
      lease = String(renewed.body.lease);
    }
    const again = await postJson(app, "/v1/activations", activationBody(machine, relay.clock.read()));
    expect(again.status).toBe(200);
    expect(again.body.device).toEqual(first.body.device);
    const { ctx } = relay.open();
    expect(relayUsage(ctx)).toMatchObject({ admitted: 1, renewals: 3, refused: 0 });
  });

  it("ends a device's offline time at the grant's end, whichever comes first", async () => {
    const vendor = newVendor();
    const end = Math.floor(T0 / 1000) + 10 * DAY_S;
    const relay = aRelay(vendor, { exp: end });
    const { app } = relay.open();
    const answer = await postJson(app, "/v1/activations", activationBody(aMachine("A"), relay.clock.read()));
    expect(answer.body.runsUntil).toBe(new Date(end * 1000).toISOString());
  });
});
