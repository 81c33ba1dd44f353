/**
 * A lease names the machine it was issued for (`fpd`, and the policy's match rule `fpm`): the SDK checks it
 * against the machine it reads at open. Honest drift within the rule (RAM, a disk, an OS reinstall, a collector
 * upgrade that carries the old set as `previous`) keeps the device, offline as online; another machine does not.
 */
import { cpSync } from "node:fs";
import type { Fingerprint } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { activatedDevice, clientFor, machine, tempDir } from "./support/device.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(async () => {
  await server.dispose();
});

/** No network at all: what the SDK decides here it decides from the files and the machine alone. */
const offline: typeof fetch = async () => {
  throw new TypeError("fetch failed");
};

/** `name`'s machine with the given kinds read anew (a replaced part, a reinstalled OS). */
function changed(name: string, kinds: readonly string[]): Fingerprint {
  const base = machine(name);
  const components = base.components.map((c) =>
    kinds.includes(c.kind) ? { kind: c.kind, digest: "e".repeat(64) } : c,
  );
  return { ...base, components };
}

describe("lease binding: honest drift keeps the device", () => {
  it("a RAM and disk change, then an OS reinstall, stay active offline and online", async () => {
    const { dir } = await activatedDevice(server, { machineName: "drift" });
    for (const fingerprint of [changed("drift", ["ram", "disk"]), changed("drift", ["os-install"])]) {
      const away = clientFor(server, dir, { fetch: offline, fingerprint: async () => fingerprint });
      expect(await away.validate()).toMatchObject({ state: "active", valid: true });
      await away.close();
    }
    const upgraded = changed("drift", ["ram", "disk"]);
    const online = clientFor(server, dir, { fingerprint: async () => upgraded });
    expect(await online.validate({ online: "force" })).toMatchObject({ state: "active", valid: true });
    await online.close();
    // The new lease names the upgraded machine; the old one (within the rule) is still this device.
    const back = clientFor(server, dir, { fetch: offline, machineName: "drift" });
    expect(await back.validate()).toMatchObject({ state: "active", valid: true });
    await back.close();
  });

  it("a collector upgrade that carries the old reading as `previous` keeps the lease", async () => {
    const { dir } = await activatedDevice(server, { machineName: "collector" });
    const before = machine("collector");
    const after: Fingerprint = {
      collector: "test/2",
      components: before.components.map((c) => ({ kind: c.kind, digest: c.digest.replace(/^./, "f") })),
      previous: [{ collector: before.collector, components: before.components }],
    };
    const upgraded = clientFor(server, dir, { fetch: offline, fingerprint: async () => after });
    expect(await upgraded.validate()).toMatchObject({ state: "active", valid: true });
    await upgraded.close();
  });
});

describe("lease binding: another machine is not the device", () => {
  it("a folder copied to a machine with another fingerprint is not active, offline or online", async () => {
    const { dir } = await activatedDevice(server, { machineName: "owner-pc" });
    // A whole-disk copy keeps the paths (the state folder and the SDK's records beside it): the same folder.
    const away = clientFor(server, dir, { fetch: offline, machineName: "other-pc" });
    const s = await away.validate();
    expect(s).toMatchObject({ valid: false, state: "mismatch", code: "FINGERPRINT_MISMATCH" });
    await away.close();
    const copy = tempDir("ninsho-sdk-copy-");
    cpSync(dir, copy, { recursive: true });
    const online = clientFor(server, copy, { machineName: "other-pc" });
    expect((await online.validate({ online: "force" })).valid).toBe(false);
    await online.close();
    // The owner's machine is untouched.
    const owner = clientFor(server, dir, { fetch: offline, machineName: "owner-pc" });
    expect(await owner.validate()).toMatchObject({ state: "active", valid: true });
    await owner.close();
  });

  it("a machine that cannot read its fingerprint does not take the lease on trust", async () => {
    const { dir } = await activatedDevice(server, { machineName: "blind" });
    const blind = clientFor(server, dir, {
      fetch: offline,
      fingerprint: async () => {
        throw new Error("no collector");
      },
    });
    expect((await blind.validate()).valid).toBe(false);
    await blind.close();
  });
});
