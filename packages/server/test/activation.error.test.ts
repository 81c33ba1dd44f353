import { generateProductKey } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import type { DeviceSummaryBody } from "./support/bodies.js";
import { machine } from "./support/fingerprints.js";
import { errorOf } from "./support/http.js";
import { withSwap, withTypo } from "./support/keys.js";
import { aDevice, useServers } from "./support/server.js";

describe("activation", () => {
  const servers = useServers();

  describe("error", () => {
    it("refuses a machine beyond the device limit with 409, listing the devices and the remedies", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 2 });
      await t.activated(c.key, machine("first"), aDevice("Office PC", "windows"));
      t.clock.advance(60_000);
      await t.activated(c.key, machine("second"), aDevice("Home Mac", "macos"));
      const res = await t.activate(c.key, machine("third"));
      expect(res.status).toBe(409);
      const error = errorOf(res);
      expect(error.code).toBe("DEVICE_LIMIT_REACHED");
      expect(error.message).toContain("2 of 2");
      expect(error.remedy).toMatch(/deactivate/i);
      expect(error.remedy).toMatch(/transfer/i);
      const details = error.details as {
        devices: DeviceSummaryBody[];
        maxDevices: number;
        transferable: boolean;
      };
      expect(details.maxDevices).toBe(2);
      expect(details.transferable).toBe(true);
      expect(details.devices.map(({ name, platform }) => ({ name, platform }))).toEqual([
        { name: "Office PC", platform: "windows" },
        { name: "Home Mac", platform: "macos" },
      ]);
      for (const device of details.devices) {
        expect(device.id).toMatch(/^dev_/);
        expect(Date.parse(device.lastSeenAt)).not.toBeNaN();
      }
    });

    it("refuses suspended, revoked and expired licenses with their own codes", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ expiry: { kind: "duration", seconds: 86_400 } }, 3);
      const [suspended, revoked, expiring] = c.licenses;
      if (!suspended || !revoked || !expiring) throw new Error("three licenses");
      await t.adminPost(`/v1/admin/licenses/${suspended.id}/suspend`, { reason: "chargeback" });
      await t.adminPost(`/v1/admin/licenses/${revoked.id}/revoke`, { reason: "fraud" });
      await t.activated(expiring.key, machine("exp"));
      t.clock.advanceDays(2);

      const s = await t.activate(suspended.key, machine("s"));
      expect([s.status, errorOf(s).code]).toEqual([403, "LICENSE_SUSPENDED"]);
      expect(errorOf(s).message).toContain("chargeback");
      const r = await t.activate(revoked.key, machine("r"));
      expect([r.status, errorOf(r).code]).toEqual([403, "LICENSE_REVOKED"]);
      expect(errorOf(r).message).toContain("fraud");
      const e = await t.activate(expiring.key, machine("exp"));
      expect([e.status, errorOf(e).code]).toEqual([403, "LICENSE_EXPIRED"]);
    });

    it("names the group of a typo (KEY_MALFORMED, details.groups) before looking anything up", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      for (const group of [1, 2, 3, 4, 5]) {
        const res = await t.activate(withTypo(c.key, group, (group % 5) + 1), machine("typo"));
        expect(res.status).toBe(400);
        const error = errorOf(res);
        expect(error.code).toBe("KEY_MALFORMED");
        expect(error.details).toMatchObject({ kind: "checksum", groups: [group] });
        expect(error.message).toContain(`group ${group}`);
      }
      const swapped = withSwap(c.key, 4);
      if (swapped !== undefined) {
        expect(errorOf(await t.activate(swapped, machine("typo"))).details).toMatchObject({ groups: [4] });
      }
      const vowel = `${c.key.slice(0, 6)}A${c.key.slice(7)}`;
      expect(errorOf(await t.activate(vowel, machine("typo"))).details).toMatchObject({
        kind: "character",
        groups: [2],
        invalidCharacters: ["A"],
      });
      const short = await t.activate(c.key.slice(0, -2), machine("typo"));
      expect(errorOf(short).details).toMatchObject({ kind: "length", length: 23 });
      const events = await t.timeline(c.licenseId);
      expect(events.map((e) => e.type)).toEqual(["license.created"]);
    });

    it("answers KEY_NOT_FOUND (404) for a well-formed key that was never issued", async () => {
      const t = await servers.start();
      await t.catalogue();
      const unknown = await t.activate(generateProductKey(), machine("nobody"));
      expect(unknown.status).toBe(404);
      expect(errorOf(unknown).code).toBe("KEY_NOT_FOUND");
    });
  });
});
