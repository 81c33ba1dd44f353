import { parseProductKey } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { machine, withChanged } from "../support/fingerprints.js";
import { useServers } from "../support/server.js";
import { confirm, devicesOf, deviceVerifies, installationIdOf, offlineKey } from "./support.js";

describe("phone activation: POST /v1/offline/confirmations", () => {
  const servers = useServers();

  describe("happy", () => {
    it("turns an installation ID into a confirmation ID the device verifies with the product's public key alone", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 1, leaseSeconds: 30 * 86_400, graceSeconds: 14 * 86_400 });
      const published = await offlineKey(t, c.productId);
      expect(published).toMatchObject({ productId: c.productId, scheme: "bls-bn254-g1x-tai-sha512" });
      expect(published.productNumber).toBeGreaterThanOrEqual(1);

      const iid = await installationIdOf(t, c.productId, c.key, machine("factory-pc"));
      const res = await confirm(t, iid.groups.join(" "), { deviceName: "Line 3 controller" });
      expect(res.status).toBe(201);
      expect(res.body.confirmationId).toMatch(/^\d{6}(-\d{6}){16}$/);
      expect(res.body.groups).toHaveLength(17);
      expect(res.body.installationId).toBe(iid.text);
      expect(res.body.device.name).toBe("Line 3 controller");
      expect(res.body.license).toEqual({
        id: c.licenseId,
        productId: c.productId,
        productName: "Test product",
      });
      expect(res.body.decision).toEqual({ outcome: "new_device" });
      // A product without a phone feature list answers version 1, which every SDK reads: no features.
      expect(published).toMatchObject({ confirmationIdVersion: 1, phoneFeatures: [] });
      expect(res.body.grant).toEqual({
        leaseDays: 30,
        graceDays: 14,
        features: [],
        featuresWithheld: [],
        leaseExpiresAt: "2026-03-31T00:00:00.000Z",
        graceEndsAt: "2026-04-14T00:00:00.000Z",
      });

      const verified = await deviceVerifies(t, c.productId, iid, res.body.confirmationId);
      expect(verified.ok && verified.value.leaseExpiresAt?.toISOString()).toBe("2026-03-31T00:00:00.000Z");

      const timeline = await t.timeline(c.licenseId);
      const activated = timeline.find((e) => e.type === "device.activated");
      expect(activated?.data).toMatchObject({ method: "phone", deviceId: res.body.device.id });
      expect(activated?.actor).toBe(`device:${res.body.device.id}`);
    });

    it("answers a replayed installation ID with the same confirmation, taking no second slot", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 1 });
      const iid = await installationIdOf(t, c.productId, c.key, machine("a"));
      const first = await confirm(t, iid.text);
      t.clock.advance(3 * 3600_000);
      const again = await confirm(t, iid.text.replaceAll("-", ""));
      expect(again.status).toBe(200);
      expect(again.body.confirmationId).toBe(first.body.confirmationId);
      expect(again.body.replayed).toBe(true);
      expect(again.body.device.id).toBe(first.body.device.id);
      expect(await devicesOf(t, c.licenseId)).toHaveLength(1);
      const events = (await t.timeline(c.licenseId)).filter((e) => e.type.startsWith("device."));
      expect(events).toHaveLength(1);
    });

    it("recognises the same machine on a later day, and after a part was replaced, without a new slot", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 1 });
      const pc = machine("a");
      const first = await confirm(t, (await installationIdOf(t, c.productId, c.key, pc)).text);
      t.clock.advanceDays(2);
      const later = await confirm(
        t,
        (await installationIdOf(t, c.productId, c.key, withChanged(pc, ["disk"]))).text,
      );
      expect(later.status).toBe(200);
      expect(later.body.device.id).toBe(first.body.device.id);
      expect(later.body.decision).toMatchObject({ outcome: "recognized", deviceId: first.body.device.id });
      const recognized = (await t.timeline(c.licenseId)).find((e) => e.type === "device.recognized");
      expect(recognized?.data).toMatchObject({ method: "phone" });
    });

    it("matches across methods: an online device is recognised by phone, a phone device is recognised online", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 2 });
      const online = await t.activated(c.key, machine("online"));
      const byPhone = await confirm(
        t,
        (await installationIdOf(t, c.productId, c.key, machine("online"))).text,
      );
      expect(byPhone.status).toBe(200);
      expect(byPhone.body.device.id).toBe(online.deviceId);

      const phoneFirst = await confirm(
        t,
        (await installationIdOf(t, c.productId, c.key, machine("phone"))).text,
      );
      expect(phoneFirst.status).toBe(201);
      const thenOnline = await t.activate(c.key, machine("phone"));
      expect(thenOnline.status).toBe(200);
      expect((thenOnline.body as { device: { id: string } }).device.id).toBe(phoneFirst.body.device.id);
    });
  });

  describe("happy: support staff, for a caller", () => {
    it("confirms with role support, as the token in the timeline; readonly may not", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const iid = await installationIdOf(t, c.productId, c.key, machine("a"));
      const readonly = await t.token("readonly");
      const refused = await t.adminPost(
        "/v1/admin/offline/confirmations",
        { installationId: iid.text },
        readonly.token,
      );
      expect(refused.status).toBe(403);
      const support = await t.token("support");
      const res = await t.adminPost(
        "/v1/admin/offline/confirmations",
        { installationId: iid.text, reason: "caller on the phone, ticket 42" },
        support.token,
      );
      expect(res.status).toBe(201);
      const activated = (await t.timeline(c.licenseId)).find((e) => e.type === "device.activated");
      expect(activated).toMatchObject({
        actor: `token:${support.id}`,
        reason: "caller on the phone, ticket 42",
      });
      expect(parseProductKey(c.key).ok).toBe(true);
    });
  });
});
