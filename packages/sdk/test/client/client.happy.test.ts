import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import type { ClientState, ClientStatus } from "../../src/index.js";
import {
  activatedDevice,
  clientFor,
  countingFetch,
  DAY,
  HOUR,
  machine,
  tempDir,
  testClock,
} from "./support/device.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(async () => {
  await server.dispose();
});

describe("client: happy paths", () => {
  it("installs a key typed carelessly, activates, and reports everything about the activation", async () => {
    const { key, id } = await server.newLicense();
    const client = clientFor(server, tempDir());
    // Full-width, lower case, spaces and a Unicode dash: the way people type keys.
    const typed = key
      .toLowerCase()
      .replace(/-/g, " ‐ ")
      .replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const installed = await client.installKey(typed);
    expect(installed.ok).toBe(true);
    expect(installed.status).toMatchObject({
      state: "not_activated",
      code: "NOT_ACTIVATED",
      keyHint: key.slice(-5),
    });
    expect(installed.status.keySource).toEqual({ kind: "installed" });

    const activated = await client.activate();
    expect(activated.ok).toBe(true);
    if (!activated.ok) return;
    expect(activated.decision).toMatchObject({ outcome: "new_device" });
    const s = activated.status;
    expect(s).toMatchObject({
      state: "active",
      valid: true,
      licenseId: id,
      channel: "retail",
      productId: server.productId,
    });
    expect(s.code).toBeUndefined();
    expect(s.deviceId).toMatch(/^dev_/);
    expect(s.entitlements).toEqual(["demo"]);
    expect(Date.parse(s.leaseExpiresAt ?? "") - Date.parse(s.leaseIssuedAt ?? "")).toBe(7 * DAY);
    expect(Date.parse(s.graceEndsAt ?? "") - Date.parse(s.leaseExpiresAt ?? "")).toBe(14 * DAY);
    expect(s.timeLeftMs).toBeGreaterThan(20 * DAY);
    expect(s.lastServerContactAt).toBeDefined();
    expect(s.connection.state).toBe("ok");
    expect(s.lastDecision).toMatchObject({ by: "activation", outcome: "new_device" });
    expect(s.explanation).toContain("signature verified");

    // Activating again on the same machine is recognised, not a second slot.
    const again = await client.activate();
    expect(again.ok && again.decision).toMatchObject({ outcome: "recognized", sameDevice: true });
    expect(again.status.deviceId).toBe(s.deviceId);
  });

  it("keeps running after a restart with the server gone: a new client on the same folder, offline", async () => {
    const { dir, status } = await activatedDevice(server);
    await server.stop();
    try {
      const network = countingFetch();
      const restarted = clientFor(server, dir, { fetch: network.fetch });
      const s = await restarted.validate();
      expect(s).toMatchObject({
        state: "active",
        valid: true,
        deviceId: status.deviceId,
        licenseId: status.licenseId,
      });
      expect(s.leaseExpiresAt).toBe(status.leaseExpiresAt);
      expect(s.keyHint).toBe(status.keyHint);
      // Nothing is due yet, so the offline check never touched the network.
      expect(network.calls()).toBe(0);
    } finally {
      await server.start();
    }
  });

  it("runs through grace after the lease expires, with the time left always visible, then stops", async () => {
    const clock = testClock();
    const { dir, status } = await activatedDevice(server, { now: clock.now });
    await server.stop();
    try {
      const states: [ClientState, string | undefined][] = [];
      const client = clientFor(server, dir, { now: clock.now, timeoutMs: 500 });
      client.on("state", (s) => states.push([s.state, s.code]));
      const leaseEnd = Date.parse(status.leaseExpiresAt ?? "");
      const graceEnd = Date.parse(status.graceEndsAt ?? "");

      clock.set(leaseEnd - HOUR);
      const active = await client.validate({ online: "never" });
      expect(active).toMatchObject({ state: "active", valid: true, timeLeftMs: graceEnd - clock.now() });
      expect(active.leaseTimeLeftMs).toBe(HOUR);

      clock.set(leaseEnd + HOUR);
      const grace = await client.validate();
      await client.idle();
      expect(grace).toMatchObject({
        state: "grace",
        valid: true,
        timeLeftMs: graceEnd - clock.now(),
        leaseTimeLeftMs: 0,
      });
      expect(grace.explanation).toContain("runs on grace until");

      clock.set(graceEnd + 1000);
      const over = await client.validate({ online: "never" });
      expect(over).toMatchObject({ state: "expired", valid: false, code: "LEASE_EXPIRED", timeLeftMs: 0 });
      expect(over.message).toContain(new Date(graceEnd).toISOString());
      // The refresh tried in grace failed: the state stayed, and the reason appeared in it.
      expect(states).toEqual([
        ["active", undefined],
        ["grace", undefined],
        ["grace", "SERVER_UNREACHABLE"],
        ["expired", "LEASE_EXPIRED"],
      ]);
    } finally {
      await server.start();
    }
  });

  it("refreshes in the background once the refresh fraction has passed, without making the app wait", async () => {
    const clock = testClock();
    const { dir, status } = await activatedDevice(server, { now: clock.now });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((open) => {
      release = open;
    });
    const slowFetch: typeof fetch = async (input, init) => {
      await gate;
      return fetch(input, init);
    };
    const client = clientFor(server, dir, { now: clock.now, fetch: slowFetch, refreshFraction: 0.5 });
    const refreshes: boolean[] = [];
    client.on("refresh", (r) => refreshes.push(r.ok));

    clock.set(Date.parse(status.leaseIssuedAt ?? "") + 3 * DAY); // 3 of 7 days: not due
    // Due half a lease after it was issued (or after the contact that brought it, if the clocks differ).
    const issuedOrSeen = Math.max(
      Date.parse(status.leaseIssuedAt ?? ""),
      Date.parse(status.lastServerContactAt ?? ""),
    );
    expect((await client.validate()).connection.retryAt).toBe(
      new Date(issuedOrSeen + 3.5 * DAY).toISOString(),
    );
    clock.set(Date.parse(status.leaseIssuedAt ?? "") + 4 * DAY); // past half: due
    const answered = await client.validate(); // returns while the request is held at the gate
    expect(answered).toMatchObject({ state: "active", valid: true });
    expect(refreshes).toEqual([]);
    release();
    await client.idle();
    expect(refreshes).toEqual([true]);
    const after = await client.status();
    expect(after.lastServerContactAt).toBe(new Date(clock.now()).toISOString());
    expect(after.lastDecision).toMatchObject({
      by: "validation",
      outcome: "valid",
      match: { sameDevice: true, score: 1 },
    });
    // The next refresh is due half a lease after this contact.
    expect(after.connection.retryAt).toBe(new Date(clock.now() + 3.5 * DAY).toISOString());
  });

  it("deactivates, freeing the slot on the server", async () => {
    const { client, status } = await activatedDevice(server, { machineName: "leaving" });
    const result = await client.deactivate();
    expect(result.ok).toBe(true);
    expect(result.ok && result.deviceId).toBe(status.deviceId);
    expect(result.status).toMatchObject({ state: "not_activated", valid: false, code: "NOT_ACTIVATED" });
    expect(result.status.deviceId).toBeUndefined();
    expect(result.status.lastDecision).toMatchObject({ by: "deactivation", outcome: "deactivated" });
    // Given back on purpose: validate() does not take a slot again on its own.
    expect((await client.validate()).state).toBe("not_activated");
    // The server no longer holds this machine: activating again takes a new slot.
    const again = await client.activate();
    expect(again.ok && again.decision).toMatchObject({ outcome: "new_device" });
    expect(again.status.deviceId).not.toBe(status.deviceId);
  });

  it("emits typed events: state changes and new leases", async () => {
    const { key } = await server.newLicense();
    const client = clientFor(server, tempDir(), { machineName: "events" });
    const seen: [ClientState | undefined, ClientState][] = [];
    const leases: string[] = [];
    client.on("state", (s: ClientStatus, previous) => seen.push([previous, s.state]));
    const stop = client.on("lease", (lease) => leases.push(lease.deviceId));
    await client.status();
    await client.installKey(key);
    await client.activate();
    stop();
    await client.activate();
    expect(seen).toEqual([
      [undefined, "no_key"],
      ["no_key", "not_activated"],
      ["not_activated", "active"],
    ]);
    expect(leases).toHaveLength(1);
  });

  it("survives a collector upgrade without reactivation: the new set carries the old one", async () => {
    const { dir, status } = await activatedDevice(server, { machineName: "upgraded" });
    const old = machine("upgraded");
    // Version 2 reads every component differently (new digests), and sends version 1's set as `previous`.
    const upgraded = {
      collector: "test/2",
      components: old.components.map((c) => ({ kind: c.kind, digest: `${c.digest.slice(1)}0` })),
      previous: [old],
    };
    const client = clientFor(server, dir, { fingerprint: async () => upgraded });
    const s = await client.validate({ online: "force" });
    expect(s).toMatchObject({ state: "active", valid: true, deviceId: status.deviceId });
    expect(s.lastDecision).toMatchObject({
      outcome: "valid",
      match: { sameDevice: true, collector: "test/1" },
    });
    // From now on the server knows the new set: the next check matches it directly.
    const next = await clientFor(server, dir, {
      fingerprint: async () => ({ ...upgraded, previous: [] }),
    }).validate({
      online: "force",
    });
    expect(next.lastDecision).toMatchObject({ match: { sameDevice: true, collector: "test/2", score: 1 } });
  });

  it("uses the SDK's own fingerprint collector by default", async () => {
    const { key } = await server.newLicense();
    const client = clientFor(server, tempDir(), {
      fingerprint: undefined as never,
      productSalt: "a-salt-shipped-with-the-app",
    });
    await client.installKey(key);
    const activated = await client.activate();
    expect(activated.ok).toBe(true);
    expect(activated.status.state).toBe("active");
  });

  it("uninstalls the key: no key, no lease on this machine", async () => {
    const { client } = await activatedDevice(server, { machineName: "uninstall" });
    const s = await client.uninstallKey();
    expect(s).toMatchObject({ state: "no_key", valid: false, code: "KEY_NOT_INSTALLED" });
    expect(s.keyHint).toBeUndefined();
    expect(s.leaseExpiresAt).toBeUndefined();
  });
});

describe("client: preinstalled keys", () => {
  it("finds a key the vendor left in a file and activates with nothing typed", async () => {
    const { key } = await server.newLicense();
    const folder = tempDir("ninsho-oem-");
    const path = join(folder, "product.key");
    writeFileSync(path, `# placed by the OEM at the factory\n\n  ${key.toLowerCase()}\n`);
    const client = clientFor(server, tempDir(), { machineName: "oem-pc", preinstalledKey: { file: path } });
    const s = await client.validate();
    expect(s).toMatchObject({ state: "active", valid: true, keyHint: key.slice(-5) });
    expect(s.keySource).toEqual({ kind: "file", path });
    expect(s.lastDecision).toMatchObject({ by: "activation", outcome: "new_device" });
  });

  it("finds a key in a vendor-named environment variable; a missing file before it is skipped", async () => {
    const { key } = await server.newLicense();
    const client = clientFor(server, tempDir(), {
      machineName: "env-pc",
      autoActivate: false,
      preinstalledKey: { file: join(tempDir(), "absent.key"), env: ["ACME_KEY_OLD", "ACME_PRODUCT_KEY"] },
      env: { ACME_PRODUCT_KEY: key },
    });
    const s = await client.validate();
    // autoActivate off: found and reported, activation left to the app.
    expect(s).toMatchObject({ state: "not_activated", keySource: { kind: "env", name: "ACME_PRODUCT_KEY" } });
    expect((await client.activate()).status.state).toBe("active");
  });

  it("names the group of a typo in a preinstalled key, and where the key came from", async () => {
    const { key } = await server.newLicense();
    const typo = `${key.slice(0, 12)}${key[12] === "B" ? "C" : "B"}${key.slice(13)}`;
    const network = countingFetch();
    const client = clientFor(server, tempDir(), {
      fetch: network.fetch,
      preinstalledKey: { env: "ACME_PRODUCT_KEY" },
      env: { ACME_PRODUCT_KEY: typo },
    });
    const s = await client.validate();
    expect(s).toMatchObject({
      state: "no_key",
      code: "KEY_MALFORMED",
      keySource: { kind: "env", name: "ACME_PRODUCT_KEY" },
    });
    expect(s.message).toContain("group 3");
    expect(network.calls()).toBe(0);
  });

  it("reads a registry value on Windows through `reg query`", async () => {
    const { key } = await server.newLicense();
    const asked: string[] = [];
    const client = clientFor(server, tempDir(), {
      machineName: "win-pc",
      platform: "win32",
      preinstalledKey: { registry: { key: "HKLM\\SOFTWARE\\Acme\\Editor", value: "ProductKey" } },
      readRegistry: async ({ key: path, value }) => {
        asked.push(`${path}|${value}`);
        return `\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Acme\\Editor\r\n    ProductKey    REG_SZ    ${key}\r\n\r\n`;
      },
    });
    const s = await client.validate();
    expect(asked).toEqual(["HKLM\\SOFTWARE\\Acme\\Editor|ProductKey"]);
    expect(s).toMatchObject({
      state: "active",
      keySource: { kind: "registry", key: "HKLM\\SOFTWARE\\Acme\\Editor", value: "ProductKey" },
    });
  });
});
