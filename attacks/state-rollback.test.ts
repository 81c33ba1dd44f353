/**
 * Capability: a user with the shipped app and a file manager: they delete files of the state folder, or put
 * back a copy of `state.json` kept from before (a backup, a snapshot of the folder), and turn the clock back.
 * Attack: after the server's signed `revoked`, restore the older `state.json` or delete it, so the lease still
 * in the folder is judged with no verdict; during a clock rollback, delete `state.json` so the time it had
 * seen is forgotten and the lease's grace counts again; delete every record the device keeps and try offline;
 * type in again a license file (USB activation) kept from before the revocation, or a phone confirmation ID
 * with `state.json` put back as it was before the confirmation was typed.
 * Expected outcome: the newest signed verdict and the clock's high-water marks are also kept in a record outside
 * the state folder (per user, under its own MAC), and the newest and strictest of the two wins: a restored or
 * deleted `state.json` stays `revoked`, a rollback stays `clock_rollback`, and a license file signed before the
 * verdict is refused with it (LICENSE_REVOKED), as is a confirmation whose installation ID's day does not begin
 * after the verdict (before the fix it cleared the verdict: `active`). With every record gone the lease is
 * not trusted offline (STATE_UNCONFIRMED): the SDK asks the server, which still says `revoked`, and an honest
 * machine that lost its files recovers to `active` from that same question. Before the fix the restored or
 * deleted state gave `active`, and the deleted one turned `clock_rollback` into `grace`.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { STATE_FILES } from "@ninsho/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../testing/liveServer.js";
import {
  activatedDevice,
  clientFor,
  DAY,
  type DeviceOptions,
  readFile,
  removeFolders,
  tempDir,
  testClock,
  writeFile,
} from "./support/deviceSide.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(async () => {
  await server.dispose();
  removeFolders();
});

/** A device of its own: its clock and its record folder (the per-user one, here a temp folder). */
async function device() {
  const clock = testClock();
  const options: DeviceOptions = { now: clock.now, recordDir: tempDir("ninsho-attack-records-") };
  const activated = await activatedDevice(server, options);
  const open = (more: DeviceOptions = {}) => clientFor(server, activated.dir, { ...options, ...more });
  return { ...activated, clock, options, open };
}

/** The device's server answers `revoked` to its next online check. */
async function revoke(d: Awaited<ReturnType<typeof device>>) {
  const res = await server.admin("POST", `/v1/admin/licenses/${d.license.id}/revoke`, {
    reason: "chargeback",
  });
  expect(res.status).toBe(200);
  const client = d.open();
  expect(await client.validate({ online: "force" })).toMatchObject({ state: "revoked", valid: false });
  await client.close();
}

const deleteState = (dir: string) => rmSync(join(dir, STATE_FILES.state), { force: true });
/** A server that cannot be reached (nothing listens on port 9 of this machine). */
const unreachable = { url: "http://127.0.0.1:9" };

describe("attack: deleting or restoring files does not undo a verdict", () => {
  it("an older state.json put back after a revocation: still revoked, offline", async () => {
    const d = await device();
    const before = readFile(d.dir, STATE_FILES.state);
    await revoke(d);

    writeFile(d.dir, STATE_FILES.state, before);
    const status = await d.open(unreachable).validate();
    expect(status).toMatchObject({ state: "revoked", valid: false, code: "LICENSE_REVOKED" });
  });

  it("the key uninstalled after a revocation, then the older folder put back: still revoked, offline", async () => {
    const d = await device();
    const before = { state: readFile(d.dir, STATE_FILES.state), lease: readFile(d.dir, STATE_FILES.lease) };
    await revoke(d);
    const client = d.open(unreachable);
    await client.uninstallKey(); // forgets the verdict in state.json, and the lease
    await client.close();

    writeFile(d.dir, STATE_FILES.state, before.state);
    writeFile(d.dir, STATE_FILES.lease, before.lease);
    const status = await d.open(unreachable).validate();
    expect(status).toMatchObject({ state: "revoked", valid: false, code: "LICENSE_REVOKED" });
  });

  it("state.json deleted after a revocation: still revoked, offline", async () => {
    const d = await device();
    await revoke(d);

    deleteState(d.dir);
    const status = await d.open(unreachable).validate();
    expect(status).toMatchObject({ state: "revoked", valid: false, code: "LICENSE_REVOKED" });
  });

  it("every record deleted after a revocation: nothing offline, and the server it asks says revoked", async () => {
    const d = await device();
    await revoke(d);
    deleteState(d.dir);
    rmSync(d.options.recordDir ?? "", { recursive: true, force: true });

    const offline = await d.open(unreachable).validate();
    expect(offline).toMatchObject({ valid: false, code: "STATE_UNCONFIRMED" });
    const online = await d.open().validate();
    expect(online).toMatchObject({ state: "revoked", valid: false, code: "LICENSE_REVOKED" });
  });

  it("state.json deleted at day 10 of a clock rollback: still clock_rollback, not grace", async () => {
    const d = await device();
    // The lease (7 days) has run out at day 20 and its grace (14 days) is nearly over; the machine sees day 20.
    d.clock.advance(20 * DAY);
    const seen = d.open(unreachable);
    expect(await seen.validate()).toMatchObject({ state: "grace", valid: true });
    await seen.close();
    // The clock is set back to day 10, where the lease's grace would run for 11 more days.
    d.clock.advance(-10 * DAY);
    const back = d.open(unreachable);
    expect(await back.validate()).toMatchObject({ state: "clock_rollback", valid: false });
    await back.close();

    deleteState(d.dir);
    const status = await d.open(unreachable).validate();
    expect(status).toMatchObject({ state: "clock_rollback", valid: false, code: "CLOCK_ROLLBACK" });
  });
});

describe("honest path: a machine that lost its files", () => {
  it("state.json lost: the record vouches for the lease, so it runs offline", async () => {
    const d = await device();
    deleteState(d.dir);
    expect(await d.open(unreachable).validate()).toMatchObject({ state: "active", valid: true });
  });

  it("state.json and the record lost while the server is reachable: one online check, then active", async () => {
    const d = await device();
    deleteState(d.dir);
    rmSync(d.options.recordDir ?? "", { recursive: true, force: true });

    const client = d.open();
    const status = await client.validate();
    expect(status).toMatchObject({ state: "active", valid: true });
    expect(status.lastServerContactAt).toBeDefined();
    await client.close();
    // The answer wrote a new record: the next start runs offline again.
    expect(await d.open(unreachable).validate()).toMatchObject({ state: "active", valid: true });
  });
});

describe("attack: a license file kept from before, typed in again after a revocation", () => {
  it("the older file is refused with the verdict; the machine stays revoked", async () => {
    const clock = testClock();
    const options: DeviceOptions = { now: clock.now, recordDir: tempDir("ninsho-attack-records-") };
    const dir = tempDir();
    const license = await server.newLicense();
    const first = clientFor(server, dir, { ...options, autoActivate: false });
    expect((await first.installKey(license.key)).ok).toBe(true);
    const request = await first.offlineRequest();
    if (!request.ok) throw new Error(`offlineRequest: ${request.problem.code}`);
    const answer = await fetch(`${server.url}/v1/offline/license-files`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ requestFile: request.requestFile.contents }),
    });
    const { licenseFile } = (await answer.json()) as { licenseFile: string };
    expect((await first.installLicenseFile(licenseFile)).ok).toBe(true);
    await first.close();
    await server.admin("POST", `/v1/admin/licenses/${license.id}/revoke`, { reason: "chargeback" });
    const told = clientFor(server, dir, options);
    const v = await told.validate({ online: "force" });
    console.log(JSON.stringify(v), JSON.stringify(await told.activate()));
    expect(v).toMatchObject({ state: "revoked" });
    await told.close();

    const again = await clientFor(server, dir, { ...options, ...unreachable }).installLicenseFile(
      licenseFile,
    );
    expect(again.ok).toBe(false);
    expect(!again.ok && again.problem.code).toBe("LICENSE_REVOKED");
    expect(again.status).toMatchObject({ state: "revoked", valid: false });
  });
});

describe("attack: a phone confirmation kept from before, typed in again after a revocation", () => {
  it("the older confirmation is refused with the verdict; the machine stays revoked", async () => {
    const d = await device();
    const first = d.open({ autoActivate: false });
    const made = await first.installationId();
    if (!made.ok) throw new Error(`installationId: ${made.problem.code}`);
    await first.close();
    // The folder as it was before the confirmation was typed: the installation ID kept, no phone grant yet.
    const beforeConfirm = readFile(d.dir, STATE_FILES.state);
    const answer = await fetch(`${server.url}/v1/offline/confirmations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ installationId: made.installationId.text }),
    });
    expect(answer.ok).toBe(true);
    const { confirmationId } = (await answer.json()) as { confirmationId: string };
    const confirming = d.open({ autoActivate: false });
    expect((await confirming.confirm(confirmationId)).ok).toBe(true);
    await confirming.close();
    await revoke(d);

    writeFile(d.dir, STATE_FILES.state, beforeConfirm);
    const again = d.open(unreachable);
    const retyped = await again.confirm(confirmationId);
    expect(retyped.ok).toBe(false);
    expect(!retyped.ok && retyped.problem.code).toBe("LICENSE_REVOKED");
    expect(await again.validate({ online: "never" })).toMatchObject({ state: "revoked", valid: false });
    await again.close();
  });
});
