import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { STATE_FILES } from "../../src/index.js";
import { activatedDevice, clientFor, readState, writeState } from "./support/device.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(async () => {
  await server.dispose();
});

/** Change one field of state.json's body without its MAC: a rejected (tampered) state file. */
function tamper(dir: string): void {
  const file = JSON.parse(readState(dir, STATE_FILES.state)) as { body: string; mac: string };
  const body = { ...(JSON.parse(file.body) as object), failures: 7 };
  writeState(dir, STATE_FILES.state, JSON.stringify({ ...file, body: JSON.stringify(body) }));
}

describe("the installed key survives a damaged, rejected or lost state file", () => {
  it("a rejected state file keeps the key; the server repairs the rest, the key stays installed", async () => {
    const { dir, license } = await activatedDevice(server);
    tamper(dir);
    const offline = await clientFor(server, dir).validate({ online: "never" });
    expect(offline).toMatchObject({
      state: "tampered",
      code: "STATE_TAMPERED",
      keyHint: license.key.slice(-5),
    });
    expect(offline.keySource).toEqual({ kind: "installed" });
    const client = clientFor(server, dir);
    const repaired = await client.validate({ online: "force" });
    await client.close();
    expect(repaired).toMatchObject({ state: "active", valid: true, keyHint: license.key.slice(-5) });
    // Repaired: a restart reads the key from a sound state file again.
    rmSync(join(dir, STATE_FILES.key));
    expect((await clientFor(server, dir).status()).keyHint).toBe(license.key.slice(-5));
  });

  it("a cut-off or deleted state file keeps the key while the lease holds", async () => {
    const { dir, license } = await activatedDevice(server);
    const text = readState(dir, STATE_FILES.state);
    writeState(dir, STATE_FILES.state, text.slice(0, 30));
    const cut = await clientFor(server, dir).status();
    expect(cut).toMatchObject({ state: "active", code: "STATE_CORRUPT", keyHint: license.key.slice(-5) });
    rmSync(join(dir, STATE_FILES.state));
    expect((await clientFor(server, dir).status()).keyHint).toBe(license.key.slice(-5));
  });

  it("a damaged key file is no key and no crash: the sound state's key wins and is kept again", async () => {
    const { dir, license } = await activatedDevice(server);
    writeState(dir, STATE_FILES.key, '{"format":"ninsho-product-key/1","key":"NOT-A-KEY"}');
    const client = clientFor(server, dir);
    expect((await client.status()).keyHint).toBe(license.key.slice(-5));
    await client.close();
    expect(JSON.parse(readState(dir, STATE_FILES.key))).toMatchObject({ key: license.key });
  });

  it("uninstallKey removes the key file too: no key comes back after a restart", async () => {
    const { dir, client } = await activatedDevice(server);
    expect(existsSync(join(dir, STATE_FILES.key))).toBe(true);
    await client.uninstallKey();
    await client.close();
    expect(existsSync(join(dir, STATE_FILES.key))).toBe(false);
    rmSync(join(dir, STATE_FILES.state));
    expect((await clientFor(server, dir).status()).state).toBe("no_key");
  });
});
