import { dayStart, parseInstallationId } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { clientFor, countingFetch, DAY, HOUR, testClock } from "../client/support/device.js";
import { installationIdOf, offlineDevice, phoneActivation, phoneConfirmed } from "./support.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(async () => {
  await server.dispose();
});

describe("phone activation on the device", () => {
  it("installation ID → the phone page's request → confirmation typed back → active, offline, no entitlements", async () => {
    const { key } = await server.newLicense();
    const network = countingFetch();
    const { client, dir } = await offlineDevice(server, key, { fetch: network.fetch });
    const made = await client.installationId();
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const iid = made.installationId;
    expect(iid.groups).toHaveLength(9);
    expect(iid.text).toMatch(/^(\d{6}-){8}\d{6}$/);
    expect(iid.digits).toBe(iid.groups.join(""));
    expect(iid.date).toBe(new Date().toISOString().slice(0, 10));
    // The product's offline key was fetched once, for the product number.
    expect(network.calls()).toBe(1);

    const answer = await phoneActivation(server, iid.digits.replace(/(\d{3})/g, "$1 "));
    expect(answer.status).toBe(201);
    const { confirmationId, grant } = answer.body;
    // Typed back as a person would: spaces, full-width digits, a Unicode dash.
    const typed = confirmationId
      .replaceAll("-", " ‐ ")
      .replace(/[0-9]/, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const confirmed = await client.confirm(typed);
    expect(confirmed.ok).toBe(true);
    if (!confirmed.ok) return;
    expect(confirmed.confirmation).toMatchObject({
      installationId: iid.text,
      confirmationId,
      leaseDays: grant.leaseDays,
      graceDays: grant.graceDays,
      leaseExpiresAt: grant.leaseExpiresAt,
      graceEndsAt: grant.graceEndsAt,
      installed: true,
    });
    const s = confirmed.status;
    expect(s).toMatchObject({
      state: "active",
      valid: true,
      leaseKind: "phone-confirmed",
      entitlements: [],
      leaseExpiresAt: grant.leaseExpiresAt,
      graceEndsAt: grant.graceEndsAt,
      leaseIssuedAt: dayStart(parseIid(iid.text)?.day ?? 0).toISOString(),
    });
    expect(s.code).toBeUndefined();
    expect(s.deviceId).toBeUndefined();
    expect(s.explanation).toContain("phone confirmation verified");
    expect(s.timeLeftMs).toBeGreaterThan(20 * DAY);
    // 7-day lease from 00:00 UTC of the ID's day, rounded down; 14 days of grace.
    expect(grant.graceDays).toBe(14);
    expect(grant.leaseDays).toBeGreaterThanOrEqual(6);
    expect(network.calls()).toBe(1);

    // A restart with no network at all: the confirmation is verified again, and holds.
    await server.stop();
    try {
      const offline = countingFetch();
      const restarted = clientFor(server, dir, { fetch: offline.fetch });
      const again = await restarted.validate();
      expect(again).toMatchObject({ state: "active", valid: true, leaseKind: "phone-confirmed" });
      expect(again.leaseExpiresAt).toBe(grant.leaseExpiresAt);
      // Phone-confirmed is offline by choice: no automatic activation, not even with autoActivate on.
      await restarted.idle();
      expect(offline.calls()).toBe(0);
    } finally {
      await server.start();
    }
  });

  it("shows the same installation ID again, and pins the offline key: no second fetch", async () => {
    const { key } = await server.newLicense();
    const network = countingFetch();
    const { client, dir } = await offlineDevice(server, key, { fetch: network.fetch });
    const first = await installationIdOf(client);
    expect(await installationIdOf(client)).toBe(first);
    const restarted = clientFor(server, dir, { fetch: network.fetch });
    expect(await installationIdOf(restarted)).toBe(first);
    expect(network.calls()).toBe(1);
  });

  it("takes the offline key from the options: nothing fetched at all", async () => {
    const { key } = await server.newLicense();
    const published = (await (
      await fetch(`${server.url}/v1/products/${server.productId}/offline-key`)
    ).json()) as {
      productNumber: number;
      publicKey: string;
    };
    const network = countingFetch();
    const { client } = await offlineDevice(server, key, {
      fetch: network.fetch,
      offline: { productNumber: published.productNumber, publicKey: published.publicKey },
    });
    const iid = await installationIdOf(client);
    expect(parseIid(iid)?.productNumber).toBe(published.productNumber);
    const answer = await phoneActivation(server, iid);
    const confirmed = await client.confirm(answer.body.confirmationId);
    expect(confirmed.ok && confirmed.status.state).toBe("active");
    expect(network.calls()).toBe(0);
  });

  it("a replayed installation ID gets the same confirmation, takes no second slot, and installs once", async () => {
    const { key, id } = await server.newLicense();
    const { client } = await offlineDevice(server, key);
    const { iid, answer } = await phoneConfirmed(server, client);
    const replay = await phoneActivation(server, iid);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({
      confirmationId: answer.confirmationId,
      replayed: true,
      device: answer.device,
    });
    const again = await client.confirm(replay.body.confirmationId);
    expect(again.ok).toBe(true);
    expect(again.status.leaseExpiresAt).toBe(answer.grant.leaseExpiresAt);
    const license = await server.admin("GET", `/v1/admin/licenses/${id}`);
    const devices = (license.body as { devices: { id: string }[] }).devices;
    expect(devices.map((d) => d.id)).toEqual([answer.device.id]);
  });

  it("runs on grace after the confirmed lease, then stops; a clock set back is CLOCK_ROLLBACK", async () => {
    const clock = testClock();
    const { key } = await server.newLicense();
    const { client, dir } = await offlineDevice(server, key, { now: clock.now });
    const { answer } = await phoneConfirmed(server, client);
    const leaseEnd = Date.parse(answer.grant.leaseExpiresAt ?? "");
    const graceEnd = Date.parse(answer.grant.graceEndsAt ?? "");

    clock.set(leaseEnd + HOUR);
    const grace = await client.validate();
    expect(grace).toMatchObject({ state: "grace", valid: true, leaseKind: "phone-confirmed" });
    expect(grace.timeLeftMs).toBe(graceEnd - clock.now());
    expect(grace.explanation).toContain("runs on grace until");

    clock.set(graceEnd + 1000);
    const over = await client.validate({ online: "never" });
    expect(over).toMatchObject({ state: "expired", valid: false, code: "LEASE_EXPIRED", timeLeftMs: 0 });

    // Back to a time long before the one last seen: a rollback, across a restart too.
    clock.set(leaseEnd - 3 * DAY);
    expect((await client.validate()).state).toBe("clock_rollback");
    await client.close();
    const restarted = clientFor(server, dir, { now: clock.now, autoActivate: false });
    expect((await restarted.validate()).code).toBe("CLOCK_ROLLBACK");
  });

  it("is never upgraded silently: an explicit activate() brings a signed lease, a deactivation ends both", async () => {
    const { key } = await server.newLicense();
    const network = countingFetch();
    const { client } = await offlineDevice(server, key, { fetch: network.fetch, autoActivate: true });
    const { answer } = await phoneConfirmed(server, client);
    const before = network.calls();
    await client.validate();
    await client.validate({ online: "auto" });
    await client.idle();
    expect(network.calls()).toBe(before);

    const activated = await client.activate();
    expect(activated.ok && activated.decision).toMatchObject({ outcome: "recognized" });
    expect(activated.status).toMatchObject({
      state: "active",
      leaseKind: "signed",
      entitlements: ["demo"],
      deviceId: answer.device.id,
    });
    const released = await client.deactivate();
    expect(released.ok).toBe(true);
    expect(released.status).toMatchObject({ state: "not_activated", valid: false });
    expect(released.status.leaseKind).toBeUndefined();
  });

  it("a phone confirmation never replaces a signed lease: entitlements stay", async () => {
    const { key } = await server.newLicense();
    const { client } = await offlineDevice(server, key);
    const online = await client.activate();
    expect(online.ok).toBe(true);
    const iid = await installationIdOf(client);
    const answer = await phoneActivation(server, iid);
    expect(answer.status).toBe(200); // this machine, recognised
    const confirmed = await client.confirm(answer.body.confirmationId);
    expect(confirmed.ok).toBe(true);
    expect(confirmed.status).toMatchObject({ state: "active", leaseKind: "signed", entitlements: ["demo"] });
    expect(confirmed.status.leaseExpiresAt).toBe(online.status.leaseExpiresAt);
  });
});

function parseIid(text: string) {
  const parsed = parseInstallationId(text);
  return parsed.ok ? parsed.value : undefined;
}
