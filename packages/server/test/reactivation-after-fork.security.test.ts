/**
 * Attacker: a perfect copy of the owner's VM (same components, lease and device secret copied) running the
 * unmodified SDK with the product key, without access to the owner's mailbox. The lineage catches the fork and
 * the owner moves the license off it with the mailed code; the copy then deletes its state and activates again
 * with the key. It is recognised as the owner's new device, and before the guard it superseded the owner's live
 * line, over and over. After a fork the key alone no longer takes a live line (REACTIVATION_PROOF_REQUIRED),
 * on every path: online, by phone. On SQLite and PostgreSQL.
 */
import { describe, expect, it } from "vitest";
import { confirm, installationIdOf } from "./offline/support.js";
import { backends, useBackendServers } from "./support/backends.js";
import { DAY } from "./support/clock.js";
import { forkedLicense, movedOffFork } from "./support/forks.js";
import { errorOf, pick, str } from "./support/http.js";

describe.each(backends)("re-activation by key after a fork on $name", ({ name, skip }) => {
  describe.skipIf(skip)("security", () => {
    const start = useBackendServers(name);

    it("the copy re-activating by key after the owner moved off the fork is refused, and nothing changes", async () => {
      const t = await start();
      const { c, fp, ownerId, ownerLease, copyLease } = await movedOffFork(t);
      // The copy's own lease names the forked device, now replaced.
      expect(str((await t.validate({ lease: copyLease }, fp)).body, "problem.code")).toBe("DEVICE_REPLACED");
      const before = await t.store.devices.findById(ownerId);
      const eventsBefore = (await t.timeline(c.licenseId)).length;

      t.clock.advance(1 * DAY);
      const again = await t.activate(c.key, fp);
      expect([again.status, errorOf(again).code]).toEqual([403, "REACTIVATION_PROOF_REQUIRED"]);
      // It names the device in the way, as a full license does, so the owner's tools can move from it.
      expect(pick(errorOf(again).details, "devices.0.id")).toBe(ownerId);
      expect(pick(again.body, "lease")).toBeUndefined();

      // The owner's line is untouched: the same counters, still served on its own lease.
      const after = await t.store.devices.findById(ownerId);
      expect(after?.leaseCounters).toEqual(before?.leaseCounters);
      expect(after?.leaseIssuedAt).toBe(before?.leaseIssuedAt);
      const owner = await t.validate({ lease: ownerLease }, fp);
      expect(pick(owner.body, "valid")).toBe(true);
      // The timeline has the refusal and nothing else.
      const events = await t.timeline(c.licenseId);
      expect(events.slice(eventsBefore).map((e) => [e.type, e.reason])).toEqual([
        ["activation.refused", "REACTIVATION_PROOF_REQUIRED"],
      ]);
    });

    it("the copy keeps being refused inside the guard window, however often it asks", async () => {
      const t = await start();
      const { c, fp, ownerLease } = await movedOffFork(t);
      let held = ownerLease;
      // The owner refreshes weekly (its line stays live); the copy asks again each time, up to day 89.
      for (let day = 7; day < 90; day += 7) {
        t.clock.advance(7 * DAY);
        held = str((await t.validate({ lease: held }, fp)).body, "lease");
        const again = await t.activate(c.key, fp);
        expect(errorOf(again).code).toBe("REACTIVATION_PROOF_REQUIRED");
      }
      expect(pick((await t.validate({ lease: held }, fp)).body, "valid")).toBe(true);
    });

    it("the copy cannot take the owner's line by phone either (installation ID, the key alone)", async () => {
      const t = await start();
      const { c, fp, ownerLease } = await movedOffFork(t);
      const iid = await installationIdOf(t, c.productId, c.key, fp);
      const phoned = await confirm(t, iid.text);
      expect([phoned.status, errorOf(phoned).code]).toEqual([403, "REACTIVATION_PROOF_REQUIRED"]);
      expect(pick((await t.validate({ lease: ownerLease }, fp)).body, "valid")).toBe(true);
    });

    it("a support deactivation of the forked device does not lift the guard", async () => {
      const t = await start();
      const { c, fp, forkedId } = await forkedLicense(t);
      const off = await t.adminPost(`/v1/admin/devices/${forkedId}/deactivate`, { reason: "fork" });
      expect(off.status).toBe(200);
      // The owner activates by key into the freed slot (a new device: no live line to take).
      const owner = await t.activated(c.key, fp);
      // The copy, by key, would take that live line.
      const again = await t.activate(c.key, fp);
      expect(errorOf(again).code).toBe("REACTIVATION_PROOF_REQUIRED");
      expect(pick((await t.validate({ lease: owner.lease }, fp)).body, "valid")).toBe(true);
    });
  });
});
