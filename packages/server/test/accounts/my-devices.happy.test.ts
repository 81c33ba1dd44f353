/**
 * The owner's own devices, from the portal's side: rename one, say "I no longer use this device" (the slot is
 * free for another machine at once, the timeline names the account), and read the refusals of a license in the
 * reader's language — on a SQLite file and on PostgreSQL.
 */
import { describe, expect, it } from "vitest";
import { accountCall } from "../support/accounts.js";
import { backends, useBackendServers } from "../support/backends.js";
import { machine } from "../support/fingerprints.js";
import { errorOf } from "../support/http.js";
import { listedDevice, ownerWithDevices } from "./myDevicesSetup.js";

describe.each(backends)("my devices on $name", ({ name, skip }) => {
  const start = useBackendServers(name);

  describe("happy", () => {
    it.skipIf(skip)("renames a device: listed by its new name, the timeline keeps both names", async () => {
      const t = await start();
      const o = await ownerWithDevices(t);
      const renamed = await accountCall(
        t,
        "PATCH",
        `/v1/me/devices/${o.desktop}`,
        { name: "  Spare-room PC 予備  " },
        { cookie: o.cookie },
      );
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ id: o.desktop, name: "Spare-room PC 予備", platform: "windows" });
      expect((await listedDevice(t, o.cookie, o.desktop))?.name).toBe("Spare-room PC 予備");
      const events = (await t.timeline(o.licenseId)).filter((e) => e.type === "device.renamed");
      expect(events).toHaveLength(1);
      expect(events[0]?.actor).toMatch(/^account:acc_/);
      expect(events[0]?.data).toMatchObject({
        deviceId: o.desktop,
        from: "Desktop",
        name: "Spare-room PC 予備",
      });
      // The same name again changes nothing and logs nothing.
      await accountCall(t, "PATCH", `/v1/me/devices/${o.desktop}`, { name: "Spare-room PC 予備" }, o);
      expect((await t.timeline(o.licenseId)).filter((e) => e.type === "device.renamed")).toHaveLength(1);
    });

    it.skipIf(skip)(
      "'I no longer use this device' frees its slot for a new machine, logged with the account",
      async () => {
        const t = await start();
        const o = await ownerWithDevices(t);
        const full = await t.activate(o.key, machine("new-pc"));
        expect(errorOf(full).code).toBe("DEVICE_LIMIT_REACHED");

        const released = await accountCall(t, "POST", `/v1/me/devices/${o.laptop}/deactivate`, {}, o);
        expect(released.status).toBe(200);
        expect(released.body).toMatchObject({ id: o.laptop, deactivatedAt: t.clock.now().toISOString() });
        expect((await listedDevice(t, o.cookie, o.laptop))?.deactivatedAt).toBeDefined();
        const event = (await t.timeline(o.licenseId)).find((e) => e.type === "device.deactivated");
        expect(event?.actor).toMatch(/^account:acc_/);
        expect(event?.data).toMatchObject({ deviceId: o.laptop, name: "Laptop" });

        expect((await t.activate(o.key, machine("new-pc"))).status).toBe(201);
        // The released machine holds no slot any more: back with its key, it finds the license full again.
        expect(errorOf(await t.activate(o.key, machine("aiko@example.jp-laptop"))).code).toBe(
          "DEVICE_LIMIT_REACHED",
        );
      },
    );

    it.skipIf(skip)(
      "explains the refusals of the owner's license in the reader's language, newest first",
      async () => {
        const t = await start();
        const o = await ownerWithDevices(t);
        await t.activate(o.key, machine("third-pc"));
        const en = await accountCall(t, "GET", `/v1/me/licenses/${o.licenseId}/refusals`, undefined, o);
        expect(en.status).toBe(200);
        const [first] = (en.body as { refusals: { code: string; message: string; remedy: string }[] })
          .refusals;
        expect(first).toMatchObject({ code: "DEVICE_LIMIT_REACHED", maxDevices: 2 });
        expect(first?.message).toContain("2 of 2");
        expect(first?.remedy).toContain("customer portal");
        const ja = await accountCall(t, "GET", `/v1/me/licenses/${o.licenseId}/refusals`, undefined, {
          cookie: o.cookie,
          headers: { "accept-language": "ja" },
        });
        const jaFirst = (ja.body as { refusals: { message: string }[] }).refusals[0];
        expect(jaFirst?.message).toContain("上限 2 台");
      },
    );
  });
});
