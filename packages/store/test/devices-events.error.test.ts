import { newId } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { aDevice, seedLicense } from "./support/builders.js";
import { dialects, useStore } from "./support/databases.js";

describe.each(dialects)("$dialect", ({ dialect, skip }) => {
  describe.skipIf(skip)("devices", () => {
    const t = useStore(dialect);

    it("refuses a device on a license that does not exist, and a second device with the same id", async () => {
      await expect(t.store.devices.insert(aDevice(newId("license")))).rejects.toThrow();
      const { license } = await seedLicense(t.store);
      const device = aDevice(license.id);
      await t.store.devices.insert(device);
      await expect(t.store.devices.insert({ ...device, name: "copy" })).rejects.toThrow();
      expect(await t.store.devices.findById(device.id)).toStrictEqual(device);
    });
  });
});
