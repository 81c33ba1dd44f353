import { describe, expect, it } from "vitest";
import { DAY } from "./support/clock.js";
import { type Fingerprint, machine } from "./support/fingerprints.js";
import { errorOf, post } from "./support/http.js";
import { type TestServer, useServers } from "./support/server.js";
import { OWNER, ownedCatalogue, transferWithCode } from "./support/transfers.js";

const transfer = (
  t: TestServer,
  key: string,
  replacesDeviceId: string,
  fingerprint: Fingerprint,
  code?: string,
) => transferWithCode(t, key, { replacesDeviceId, fingerprint }, code === undefined ? {} : { code });

describe("deactivation", () => {
  const servers = useServers();

  describe("error", () => {
    it("a second deactivation answers DEVICE_DEACTIVATED; an unknown device DEVICE_NOT_FOUND", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const { deviceId, lease } = await t.activated(c.key, machine("twice"));
      expect((await post(t.app, "/v1/deactivations", { lease })).status).toBe(200);
      const again = await post(t.app, "/v1/deactivations", { lease });
      expect([again.status, errorOf(again).code]).toEqual([403, "DEVICE_DEACTIVATED"]);
      const byAdmin = await t.adminPost(`/v1/admin/devices/${deviceId}/deactivate`, { reason: "again" });
      expect(errorOf(byAdmin).code).toBe("DEVICE_DEACTIVATED");
      const unknown = await t.adminPost("/v1/admin/devices/dev_01JNOTHEREXXXXXXXXXXXXXXXX/deactivate", {
        reason: "x",
      });
      expect([unknown.status, errorOf(unknown).code]).toEqual([404, "DEVICE_NOT_FOUND"]);
    });

    it("an admin deactivation needs a reason; readonly may not deactivate", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const { deviceId } = await t.activated(c.key, machine("reasonless"));
      const noReason = await t.adminPost(`/v1/admin/devices/${deviceId}/deactivate`, {});
      expect(errorOf(noReason).code).toBe("VALIDATION_FAILED");
      const readonly = await t.token("readonly");
      const res = await t.adminPost(
        `/v1/admin/devices/${deviceId}/deactivate`,
        { reason: "x" },
        readonly.token,
      );
      expect([res.status, errorOf(res).code]).toEqual([403, "FORBIDDEN"]);
    });
  });
});

describe("transfer", () => {
  const servers = useServers();

  describe("error", () => {
    it("a non-transferable policy refuses with TRANSFER_NOT_ALLOWED", async () => {
      const t = await servers.start();
      const c = await ownedCatalogue(t, { channel: "oem" });
      const { deviceId } = await t.activated(c.key, machine("oem-board"));
      const res = await transfer(t, c.key, deviceId, machine("other-board"));
      expect([res.status, errorOf(res).code]).toEqual([403, "TRANSFER_NOT_ALLOWED"]);
      const explicit = await ownedCatalogue(t, { transferable: false });
      const dev = await t.activated(explicit.key, machine("fixed"));
      expect(errorOf(await transfer(t, explicit.key, dev.deviceId, machine("x"))).code).toBe(
        "TRANSFER_NOT_ALLOWED",
      );
    });

    it("the device to replace must be an active device of this license", async () => {
      const t = await servers.start();
      const c = await ownedCatalogue(t, { maxDevices: 2 }, OWNER, 2);
      const [a, b] = c.licenses;
      if (!a || !b) throw new Error("two licenses");
      const mine = await t.activated(a.key, machine("mine"));
      const theirs = await t.activated(b.key, machine("theirs"));
      const foreign = await transfer(t, a.key, theirs.deviceId, machine("new"));
      expect([foreign.status, errorOf(foreign).code]).toEqual([404, "DEVICE_NOT_FOUND"]);
      await post(t.app, "/v1/deactivations", { lease: mine.lease });
      const gone = await transfer(t, a.key, mine.deviceId, machine("new"));
      expect(errorOf(gone).code).toBe("DEVICE_DEACTIVATED");
      expect(errorOf(await transfer(t, "nonsense", mine.deviceId, machine("new"), "00000000")).code).toBe(
        "KEY_MALFORMED",
      );
    });

    it("a suspended, revoked or expired license cannot be moved to a new machine", async () => {
      const t = await servers.start();
      const c = await ownedCatalogue(t, { expiry: { kind: "duration", seconds: 86_400 } }, OWNER, 3);
      const [s, r, e] = c.licenses;
      if (!s || !r || !e) throw new Error("three licenses");
      const devices = [];
      for (const license of c.licenses)
        devices.push((await t.activated(license.key, machine(license.id))).deviceId);
      await t.adminPost(`/v1/admin/licenses/${s.id}/suspend`, { reason: "chargeback" });
      await t.adminPost(`/v1/admin/licenses/${r.id}/revoke`, { reason: "fraud" });
      const suspended = await transfer(t, s.key, devices[0] ?? "", machine("s2"));
      expect([suspended.status, errorOf(suspended).code]).toEqual([403, "LICENSE_SUSPENDED"]);
      const revoked = await transfer(t, r.key, devices[1] ?? "", machine("r2"));
      expect(errorOf(revoked).code).toBe("LICENSE_REVOKED");
      t.clock.advance(2 * DAY);
      const expired = await transfer(t, e.key, devices[2] ?? "", machine("e2"));
      expect(errorOf(expired).code).toBe("LICENSE_EXPIRED");
    });
  });
});
