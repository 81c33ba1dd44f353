import { createHmac } from "node:crypto";
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { STATE_FILES } from "../../src/index.js";
import { activatedDevice, clientFor, readState, tempDir, writeState } from "./support/device.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(async () => {
  await server.dispose();
});

/** Nothing listens on port 9 here: the machine is offline. */
const offline = { url: "http://127.0.0.1:9" };

/** The record files of a record folder (its secret left out). */
const recordFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith(".json"));

/** Rewrite fields of a record under a valid MAC, with the secret of its folder (as someone who read it can). */
function rewriteRecord(recordDir: string, path: string, fields: Record<string, unknown>): void {
  const secret = Buffer.from(readFileSync(join(recordDir, "records.secret"), "utf8").trim(), "base64url");
  const outer = JSON.parse(readFileSync(path, "utf8")) as { body: string };
  const body = JSON.stringify({ ...(JSON.parse(outer.body) as object), ...fields });
  const mac = createHmac("sha256", secret).update(body).digest("base64url");
  writeFileSync(path, JSON.stringify({ format: "ninsho-verdict-record/1", body, mac }));
}

async function recordedDevice() {
  const recordDir = tempDir("ninsho-sdk-records-");
  const device = await activatedDevice(server, { recordDir });
  const [file] = recordFiles(recordDir);
  if (file === undefined) throw new Error("an activation writes a record");
  return { ...device, recordDir, recordPath: join(recordDir, file) };
}

describe("the verdict record outside the state folder", () => {
  it("a record edited by hand no longer verifies: the lease waits for the server, which confirms it", async () => {
    const d = await recordedDevice();
    const outer = JSON.parse(readFileSync(d.recordPath, "utf8")) as { body: string };
    const body = { ...(JSON.parse(outer.body) as object), localMarkMs: 0 };
    writeFileSync(d.recordPath, JSON.stringify({ ...outer, body: JSON.stringify(body) }));

    const waiting = await clientFor(server, d.dir, { recordDir: d.recordDir, ...offline }).validate();
    expect(waiting).toMatchObject({ state: "corrupt", valid: false, code: "STATE_UNCONFIRMED" });
    expect(waiting.problem?.details).toMatchObject({ reason: "its MAC does not verify" });
    const client = clientFor(server, d.dir, { recordDir: d.recordDir });
    expect(await client.validate()).toMatchObject({ state: "active", valid: true });
    await client.close();
    const again = await clientFor(server, d.dir, { recordDir: d.recordDir, ...offline }).validate();
    expect(again).toMatchObject({ state: "active", valid: true });
  });

  it("a record put back from before the last answer went backwards: no offline rights, the server decides", async () => {
    const d = await recordedDevice();
    const before = readFileSync(d.recordPath, "utf8");
    await server.admin("POST", `/v1/admin/licenses/${d.license.id}/suspend`, { reason: "payment review" });
    expect(await d.client.validate({ online: "force" })).toMatchObject({ state: "suspended" });
    await d.client.idle();

    writeFileSync(d.recordPath, before);
    const offlineStatus = await clientFor(server, d.dir, { recordDir: d.recordDir, ...offline }).validate();
    expect(offlineStatus).toMatchObject({ valid: false, code: "STATE_UNCONFIRMED" });
    expect(offlineStatus.problem?.details).toMatchObject({ reason: "it is older than state.json" });
    const asked = await clientFor(server, d.dir, { recordDir: d.recordDir }).validate();
    expect(asked).toMatchObject({ state: "suspended", valid: false, code: "LICENSE_SUSPENDED" });
  });

  it("a lifted suspension: its old record put back asks the server, which says active", async () => {
    const d = await recordedDevice();
    await server.admin("POST", `/v1/admin/licenses/${d.license.id}/suspend`, { reason: "payment review" });
    expect(await d.client.validate({ online: "force" })).toMatchObject({ state: "suspended" });
    await d.client.idle();
    const suspended = readFileSync(d.recordPath, "utf8");
    await server.admin("POST", `/v1/admin/licenses/${d.license.id}/reinstate`, { reason: "paid" });
    expect(await d.client.validate({ online: "force" })).toMatchObject({ state: "active" });
    await d.client.close();

    writeFileSync(d.recordPath, suspended);
    const client = clientFor(server, d.dir, { recordDir: d.recordDir });
    expect(await client.validate()).toMatchObject({ state: "active", valid: true });
  });

  it("a record that never saw the lease in the folder (rewritten with its secret) asks the server", async () => {
    const d = await recordedDevice();
    rewriteRecord(d.recordDir, d.recordPath, { serverMarkMs: 0, answeredAtMs: 0, localMarkMs: 0 });
    rmSync(join(d.dir, STATE_FILES.state));

    const status = await clientFor(server, d.dir, { recordDir: d.recordDir, ...offline }).validate();
    expect(status).toMatchObject({ valid: false, code: "STATE_UNCONFIRMED" });
    expect(status.problem?.details).toMatchObject({ reason: "it is older than the lease" });
  });

  it("a folder put back after deactivate(): its lease was given back, so it is deactivated", async () => {
    const d = await recordedDevice();
    const lease = readState(d.dir, STATE_FILES.lease);
    const state = readState(d.dir, STATE_FILES.state);
    expect((await d.client.deactivate()).ok).toBe(true);
    await d.client.close();

    writeState(d.dir, STATE_FILES.lease, lease);
    writeState(d.dir, STATE_FILES.state, state);
    const restored = await clientFor(server, d.dir, { recordDir: d.recordDir, ...offline }).validate();
    expect(restored).toMatchObject({ state: "deactivated", valid: false, code: "DEVICE_DEACTIVATED" });
  });

  it("another device's newer record in this folder's place: the lease waits for the server", async () => {
    const d = await recordedDevice();
    const other = await activatedDevice(server, { recordDir: d.recordDir, machineName: "other-machine" });
    await other.client.close();
    const otherFile = recordFiles(d.recordDir).find((name) => join(d.recordDir, name) !== d.recordPath);
    if (otherFile === undefined) throw new Error("the other device has its own record");
    copyFileSync(join(d.recordDir, otherFile), d.recordPath);
    rmSync(join(d.dir, STATE_FILES.state));

    const status = await clientFor(server, d.dir, { recordDir: d.recordDir, ...offline }).validate();
    expect(status).toMatchObject({ valid: false, code: "STATE_UNCONFIRMED" });
  });
});
