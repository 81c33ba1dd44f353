/**
 * The doctor explains seats and relays from what the SDK's clients last saw, on real parts: a live server with a
 * floating policy, the SDK's seat client keeping its notes in the device's state folder, a relay under a grant
 * the server issued, and `ninsho device doctor` run in this process on that folder.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRelayClient, createSeatClient, LAST_STATE_FILES } from "@ninsho/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { aMachine, relayOf } from "../../../sdk/test/relay/support.js";
import {
  componentSet,
  type DoctorJson,
  finding,
  json,
  type TestDevice,
  testDevice,
} from "./support/device.js";

let server: LiveServer;
let floating: string;
beforeAll(async () => {
  server = await startLiveServer();
  floating = await server.newPolicy({ channel: "floating", seats: 2, heartbeatTimeoutSeconds: 600 });
});
afterAll(() => server.dispose());

/** A seat client for `device`'s machine, keeping its notes in the device's state folder. */
const seatsOn = (device: TestDevice, key: string, name: string) =>
  createSeatClient({
    serverUrl: server.url,
    productKey: key,
    publicKeys: server.jwks,
    holder: { fingerprint: componentSet(name), device: { name, platform: "linux" } },
    stateDir: device.dir,
  });

/** A device whose app runs on seats of `key` (the key installed, as the vendor's setup would). */
async function seatDevice(key: string, name: string) {
  const device = testDevice(server, name);
  const installed = await device.run(["install-key", key]);
  if (installed.code !== 0) throw new Error(`install-key: ${installed.stderr}`);
  return device;
}

describe("device doctor: seats, from the seat client's notes", () => {
  it("explains a full pool with the seats held and when the next one frees, in English and Japanese", async () => {
    const { key } = await server.newLicense(floating);
    for (const name of ["desk-1", "desk-2"]) {
      const held = await seatsOn(testDevice(server, name), key, name).checkOut();
      expect(held.ok).toBe(true);
    }
    const device = await seatDevice(key, "desk-3");
    const refused = await seatsOn(device, key, "desk-3").checkOut();
    expect(!refused.ok && refused.problem.code).toBe("NO_SEAT_AVAILABLE");
    const nextFreeAt = String(
      (refused.ok ? {} : (refused.problem.details as { nextFreeAt?: string })).nextFreeAt,
    );
    // A private note, never a credential: 0600, and it keeps no other holder's name.
    const notePath = join(device.dir, LAST_STATE_FILES.seat);
    expect(statSync(notePath).mode & 0o777).toBe(0o600);
    expect(readFileSync(notePath, "utf8")).not.toContain("desk-1");

    const en = await device.run(["doctor"]);
    expect(en.code).toBe(8);
    expect(en.stdout).toMatch(
      /^Seat +FAIL +NO_SEAT_AVAILABLE: All 2 seats of this license are in use \(2 held\)/m,
    );
    expect(en.stdout).toContain(nextFreeAt.slice(0, 10));
    // The app runs on a seat: no activation of this folder is missing.
    expect(en.stdout).toMatch(/^Lease +skipped +not checked: the app runs on a floating seat/m);
    const ja = await device.run(["doctor"], { LANG: "ja_JP.UTF-8" });
    expect(ja.stdout).toContain("2 席はすべて使用中です（2 席）");
    expect(ja.stdout).toContain("フローティングの席で動作しています");

    const report = json<DoctorJson & { seat: unknown }>(await device.run(["doctor", "--json"]));
    expect(finding(report, "seat")).toMatchObject({
      outcome: "fail",
      code: "NO_SEAT_AVAILABLE",
      details: { held: 2, seats: 2, nextFreeAt },
    });
    expect(report.seat).toMatchObject({ problem: { code: "NO_SEAT_AVAILABLE" } });
    expect(report.remedies.map((r) => r.code)).toEqual(["NO_SEAT_AVAILABLE"]);
  });

  it("shows a held seat as ok, and nothing once it is returned", async () => {
    const { key } = await server.newLicense(floating);
    const device = await seatDevice(key, "held");
    const seats = seatsOn(device, key, "held");
    const held = await seats.start();
    if (!held.ok) throw new Error(held.problem.message);
    const beat = await seats.heartbeat();
    expect(beat.ok).toBe(true);
    const run = await device.run(["doctor"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Seat +ok +Seat ${held.value.id} is held until `, "m"));
    const ja = await device.run(["doctor"], { LANG: "ja_JP.UTF-8" });
    expect(ja.stdout).toContain(`席 ${held.value.id} を`);
    expect((await seats.release()).ok).toBe(true);
    const after = json<DoctorJson>(await device.run(["doctor", "--json"]));
    expect(finding(after, "seat")).toMatchObject({ outcome: "skipped", message: "No seat is held." });
  });

  it("only words what the note says: an edited note grants nothing and garbage is ignored", async () => {
    const { key, id } = await server.newLicense(floating);
    const device = await seatDevice(key, "edited");
    const notePath = join(device.dir, LAST_STATE_FILES.seat);
    // The user writes themselves a seat: the doctor words it, but the server still knows of no such seat.
    const forged = { id: "seat_forged", kind: "floating", expiresAt: "2099-01-01T00:00:00.000Z" };
    writeFileSync(notePath, JSON.stringify({ version: 1, writtenAt: "x", held: forged }));
    expect((await device.run(["doctor"])).stdout).toContain("Seat seat_forged is held until 2099-01-01");
    const usage = await server.admin("GET", `/v1/admin/licenses/${id}/seats`);
    expect(usage.body).toMatchObject({ held: [] });
    // A note that is no note (or names no catalogue code) is as good as none.
    for (const garbage of ["{]", JSON.stringify({ version: 1, refused: { code: "PWNED" } }), "[]"]) {
      writeFileSync(notePath, garbage);
      const report = json<DoctorJson>(await device.run(["doctor", "--json"]));
      const seat = report.checks.find((c) => c.check === "seat");
      expect(seat === undefined || seat.outcome === "skipped").toBe(true);
    }
  });

  it("runs no seat or relay check for a folder without their notes", async () => {
    const device = testDevice(server, "plain");
    const report = json<DoctorJson>(await device.run(["doctor", "--json", "--offline"]));
    expect(report.checks.map((c) => c.check)).not.toContain("seat");
    expect(report.checks.map((c) => c.check)).not.toContain("relay");
  });
});

describe("device doctor: relays, from the relay client's notes", () => {
  it("shows a relay that refuses (its grant full) with RELAY_GRANT_FULL, and an admitted machine as ok", async () => {
    const relay = await relayOf(server, 1);
    try {
      const running = await relay.start();
      const first = testDevice(server, "line-1");
      const second = testDevice(server, "line-2");
      const clientOf = (device: TestDevice, name: string) =>
        createRelayClient({
          relay: { relayUrl: running.url },
          publicKeys: server.jwks,
          productId: server.productId,
          machine: aMachine(name),
          stateDir: device.dir,
        });
      expect((await clientOf(first, "line-1").activate()).ok).toBe(true);
      const refused = await clientOf(second, "line-2").activate();
      expect(!refused.ok && refused.problem.code).toBe("RELAY_GRANT_FULL");

      const full = await second.run(["doctor"]);
      expect(full.code).toBe(8);
      expect(full.stdout).toMatch(/^Relay +FAIL +RELAY_GRANT_FULL: /m);
      expect(full.stdout).toContain(`Relay ${running.url} found by configuration.`);
      expect(full.stdout).toMatch(/^Product key +skipped +not checked: the app runs on a lease from the/m);
      const ja = await second.run(["doctor"], { LANG: "ja_JP.UTF-8" });
      expect(ja.stdout).toContain("RELAY_GRANT_FULL");
      expect(ja.stdout).toContain("台はすべて受け入れ済みです");

      const admitted = json<DoctorJson>(await first.run(["doctor", "--json"]));
      expect(finding(admitted, "relay")).toMatchObject({ outcome: "ok" });
      expect(finding(admitted, "relay").message).toContain("runs offline until");
    } finally {
      await relay.dispose();
    }
  });
});
