/**
 * The guard after a fork leaves every legitimate flow as it was: a license that never forked re-activates by key
 * as ever (a reinstall supersedes the old line), the guard lapses after its window, a line that stopped is no
 * copy running, the SDK's own `activate()` with its lease keeps its lineage, and the owner inside the window
 * moves the license with the mailed code. On SQLite and PostgreSQL.
 */
import { FORK_GUARD_DAYS } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { backends, useBackendServers } from "./support/backends.js";
import { DAY } from "./support/clock.js";
import { machine } from "./support/fingerprints.js";
import { movedOffFork } from "./support/forks.js";
import { errorOf, pick, post, str } from "./support/http.js";
import { aDevice } from "./support/server.js";
import { ownedCatalogue, transferWithCode } from "./support/transfers.js";

describe.each(backends)("re-activation by key around a fork on $name", ({ name, skip }) => {
  describe.skipIf(skip)("happy", () => {
    const start = useBackendServers(name);

    it("a license that never forked: a re-activation by key supersedes the old line, as before", async () => {
      const t = await start();
      const c = await ownedCatalogue(t, { maxDevices: 1 });
      const fp = machine("reinstalled");
      const { lease, deviceId } = await t.activated(c.key, fp);
      t.clock.advance(1 * DAY);
      const again = await t.activate(c.key, fp);
      expect([again.status, str(again.body, "device.id")]).toEqual([200, deviceId]);
      expect(str((await t.validate({ lease }, fp)).body, "problem.code")).toBe("LEASE_SUPERSEDED");
    });

    it("after the guard window a re-activation by key supersedes the live line again", async () => {
      const t = await start();
      const { c, fp, ownerId, ownerLease } = await movedOffFork(t);
      const guardEnds =
        Date.parse((await t.store.devices.lastForkAt(c.licenseId)) ?? "") + FORK_GUARD_DAYS * DAY;
      let held = ownerLease;
      // The owner refreshes weekly, so its line is live when the window ends.
      while (t.clock.now().getTime() < guardEnds) {
        t.clock.advance(7 * DAY);
        held = str((await t.validate({ lease: held }, fp)).body, "lease");
      }
      const again = await t.activate(c.key, fp);
      expect([again.status, str(again.body, "device.id")]).toEqual([200, ownerId]);
      expect(str((await t.validate({ lease: held }, fp)).body, "problem.code")).toBe("LEASE_SUPERSEDED");
    });

    it("inside the window, a line that stopped (lease and grace over) is re-activated by key as before", async () => {
      const t = await start();
      const { c, fp, ownerId } = await movedOffFork(t);
      t.clock.advance(22 * DAY); // past the default lease (7 days) and grace (14)
      const again = await t.activate(c.key, fp);
      expect([again.status, str(again.body, "device.id")]).toEqual([200, ownerId]);
    });

    it("inside the window, the owner's activate() with its lease keeps its lineage", async () => {
      const t = await start();
      const { c, fp, ownerId, ownerLease } = await movedOffFork(t);
      t.clock.advance(1 * DAY);
      const body = { key: c.key, fingerprint: fp, device: aDevice(), lease: ownerLease };
      const again = await post(t.app, "/v1/activations", body);
      expect([again.status, str(again.body, "device.id")]).toEqual([200, ownerId]);
      expect(pick((await t.validate({ lease: ownerLease }, fp)).body, "valid")).toBe(true);
    });

    it("inside the window, the owner whose lease is lost moves the license with the mailed code", async () => {
      const t = await start();
      const { c, fp, ownerId, ownerLease } = await movedOffFork(t);
      t.clock.advance(2 * DAY);
      // The owner reinstalled (its lease lost): the key alone is refused and names the device to move from.
      const byKey = await t.activate(c.key, fp);
      expect(errorOf(byKey).code).toBe("REACTIVATION_PROOF_REQUIRED");
      const from = String(pick(errorOf(byKey).details, "devices.0.id"));
      expect(from).toBe(ownerId);
      // A day later (the policy's cool-down), the owner proves it with the code mailed to them.
      t.clock.advance(1 * DAY);
      const moved = await transferWithCode(t, c.key, { replacesDeviceId: from, fingerprint: fp });
      expect(moved.status, moved.text).toBe(201);
      const lease = str(moved.body, "lease");
      expect(pick((await t.validate({ lease }, fp)).body, "valid")).toBe(true);
      // The line left behind (whichever copy holds it) is told it was replaced.
      expect(str((await t.validate({ lease: ownerLease }, fp)).body, "problem.code")).toBe("DEVICE_REPLACED");
    });
  });
});
