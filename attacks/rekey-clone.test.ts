/**
 * Capability: the unmodified SDK on a cloned disk or VM (the state folder copied byte for byte, the same
 * machine as far as components can tell), with the product key that came with it.
 * Attack: the copy deletes its lease and lets the SDK re-activate with the key, so both copies hold a fresh
 * lease; when stopped, the copies re-activate by key again to undo DEVICE_FORKED.
 * Expected: a re-activation by key starts a new lineage, and the other copy is refused at its next refresh with
 * LEASE_SUPERSEDED; copies that keep replacing each other are established as a fork (DEVICE_FORKED on every
 * copy, visible to support on the license and in its timeline) that no re-activation by key undoes; a transfer
 * within the policy's allowance, proven by the code mailed to the license's owner, resolves it for the machine
 * that makes it (the copy, holding only the key, cannot; the other copy is told DEVICE_REPLACED), and the copy that
 * then wipes its state and activates by key again is REACTIVATION_PROOF_REQUIRED while the owner runs on (for 90
 * days after the fork the key alone does not take a live line). The owner who reinstalls the OS (its
 * lease lost) re-activates and keeps running.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../testing/liveServer.js";
import {
  cloneDisk,
  machine,
  removeDir,
  sdkClient,
  supportView,
  tempDir,
  withChanged,
} from "./support/machines.js";

describe("attack: a cloned disk re-activates by key", () => {
  let server: LiveServer;
  const dirs: string[] = [];
  const folder = (dir: string) => {
    dirs.push(dir);
    return dir;
  };
  beforeAll(async () => {
    server = await startLiveServer();
  });
  afterAll(async () => {
    await server.dispose();
    for (const dir of dirs) removeDir(dir);
  });

  it("the other copy is superseded, copies that keep re-activating are a fork a key cannot undo, a transfer resolves it", async () => {
    const license = await server.newLicense(undefined, "owner@example.jp");
    const office = machine("office-pc");
    const ownerDir = folder(tempDir());
    const owner = sdkClient(server, ownerDir, () => office);
    expect((await owner.installKey(license.key)).ok).toBe(true);
    expect((await owner.activate()).ok).toBe(true);
    await owner.idle();

    // The disk is cloned; the copy deletes its lease, and the SDK re-activates with the key on its own.
    const cloneDir = folder(cloneDisk(ownerDir));
    rmSync(join(cloneDir, "lease.jwt"));
    const clone = sdkClient(server, cloneDir, () => office);
    const cloned = await clone.validate();
    expect(cloned).toMatchObject({ state: "active", valid: true });

    // The owner's next refresh: its lineage was replaced, and it is told why.
    const superseded = await owner.validate({ online: "force" });
    expect(superseded).toMatchObject({ state: "superseded", valid: false, code: "LEASE_SUPERSEDED" });

    // The owner takes it back with the key; the clone's lease is now the superseded one. A second line coming
    // back while the first strike stands is the fork.
    expect((await owner.activate()).ok).toBe(true);
    const forked = await clone.validate({ online: "force" });
    expect(forked).toMatchObject({ state: "forked", valid: false, code: "DEVICE_FORKED" });

    // Every copy is stopped, and a re-activation by key does not undo the fork.
    expect(await owner.validate({ online: "force" })).toMatchObject({ state: "forked", valid: false });
    const again = await clone.activate();
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.problem.code).toBe("DEVICE_FORKED");

    // Support sees the fork on the license and in its timeline.
    const view = await supportView(server, license.id);
    const device = view.devices.find((d) => d.forkedAt !== undefined);
    expect(device).toBeDefined();
    expect(view.events.map((e) => e.type)).toContain("device.forked");

    // The copy, holding only the key, cannot move the license to itself.
    const grab = await clone.transfer(device?.id ?? "");
    expect(!grab.ok && grab.problem.code).toBe("TRANSFER_PROOF_REQUIRED");
    // The owner resolves it with a transfer from the forked device (one of the policy's transfers a year),
    // proven by the code mailed to them.
    expect((await owner.requestTransferCode()).ok).toBe(true);
    const code = await server.transferCodeFor("owner@example.jp");
    const moved = await owner.transfer(device?.id ?? "", { code });
    expect(moved.ok).toBe(true);
    expect(await owner.validate({ online: "force" })).toMatchObject({ state: "active", valid: true });
    expect(await clone.validate({ online: "force" })).toMatchObject({
      state: "deactivated",
      valid: false,
      code: "DEVICE_REPLACED",
    });

    // The copy deletes its state and lets the SDK activate again with the key: it is recognised as the owner's
    // new device, but after a fork the key alone no longer takes a live line. The owner runs on, undisturbed.
    const wiped = sdkClient(server, folder(tempDir()), () => office);
    expect((await wiped.installKey(license.key)).ok).toBe(true);
    const retaken = await wiped.activate();
    expect(!retaken.ok && retaken.problem.code).toBe("REACTIVATION_PROOF_REQUIRED");
    expect(await wiped.validate()).toMatchObject({
      state: "not_activated",
      valid: false,
      code: "REACTIVATION_PROOF_REQUIRED",
    });
    expect(await owner.validate({ online: "force" })).toMatchObject({ state: "active", valid: true });
  });

  it("the owner who reinstalls the OS (lease lost, install id changed) re-activates and keeps running", async () => {
    const license = await server.newLicense();
    const laptop = machine("owner-laptop");
    const dir = folder(tempDir());
    const before = sdkClient(server, dir, () => laptop);
    expect((await before.installKey(license.key)).ok).toBe(true);
    expect((await before.activate()).ok).toBe(true);
    await before.idle();
    const deviceId = (await before.status()).deviceId;

    const reinstalled = withChanged(laptop, ["os-install"], "reinstall");
    const fresh = folder(tempDir());
    const after = sdkClient(server, fresh, () => reinstalled);
    expect((await after.installKey(license.key)).ok).toBe(true);
    const activated = await after.activate();
    expect(activated.ok).toBe(true);
    expect(activated.status).toMatchObject({ state: "active", deviceId });
    expect(await after.validate({ online: "force" })).toMatchObject({ state: "active", valid: true });
    expect((await supportView(server, license.id)).devices.every((d) => d.forkedAt === undefined)).toBe(true);
  });

  it("running activate() again on the same machine keeps its lineage (its lease goes with the request)", async () => {
    const license = await server.newLicense();
    const pc = machine("twice-pc");
    const dir = folder(tempDir());
    const client = sdkClient(server, dir, () => pc);
    expect((await client.installKey(license.key)).ok).toBe(true);
    for (let i = 0; i < 3; i++) expect((await client.activate()).ok).toBe(true);
    expect(await client.validate({ online: "force" })).toMatchObject({ state: "active", valid: true });
    const view = await supportView(server, license.id);
    expect(view.events.map((e) => e.type)).not.toContain("device.fork_suspected");
  });
});
