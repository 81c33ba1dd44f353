/**
 * The channel rules on the offline ways in, as an honest user meets them: an OEM machine activated by phone
 * comes back by phone and online; an upgrade whose base was named once moves to new machines by phone and by
 * license file with its chain. On SQLite and PostgreSQL (PostgreSQL skipped with a note when unreachable).
 */
import { describe, expect, it } from "vitest";
import { backends, useBackendServers } from "../support/backends.js";
import { machine, withChanged } from "../support/fingerprints.js";
import { activateWithBase, adminLicense, byFile, byPhone } from "./support.js";

describe.each(backends)("channel rules offline, on $name", ({ name, skip }) => {
  const start = useBackendServers(name);

  it.skipIf(skip)(
    "an OEM machine activated by phone is bound by its board's slot, recognised by phone and online, then bound by the full digest",
    async () => {
      const t = await start();
      const c = await t.catalogue({ channel: "oem", maxDevices: 1 });
      const pc = machine("oem-by-phone");
      expect((await byPhone(t, c.productId, c.key, pc)).status).toBe(201);
      const phoneBound = (await t.store.licenses.findById(c.licenseId))?.boundComponent;
      expect(phoneBound?.kind).toBe("board");
      expect(phoneBound?.digests.every((d) => d.startsWith("c1."))).toBe(true);
      // More memory, read out again: the same board, the same device.
      expect((await byPhone(t, c.productId, c.key, withChanged(pc, ["ram"]))).status).toBe(200);
      // Online at last: recognised, and the binding takes the board's full (keyed) digest from now on.
      expect((await t.activate(c.key, pc)).status).toBe(200);
      const sharpened = (await t.store.licenses.findById(c.licenseId))?.boundComponent;
      expect(sharpened?.digests.every((d) => d.startsWith("k1."))).toBe(true);
      const bound = (await t.timeline(c.licenseId)).filter((e) => e.type === "license.bound");
      expect(bound.map((e) => e.data)).toEqual([{ kind: "board" }, { kind: "board", sharpened: true }]);
      // And the phone still knows the board by its slot.
      expect((await byPhone(t, c.productId, c.key, withChanged(pc, ["gpu"]))).status).toBe(200);
    },
  );

  it.skipIf(skip)(
    "an upgrade whose base was named online moves to new machines by phone and by license file, keeping its chain",
    async () => {
      const t = await start();
      const base = await t.catalogue({ channel: "retail" });
      const policy = await t.policy(base.productId, {
        channel: "upgrade",
        basePolicyId: base.policyId,
        maxDevices: 3,
      });
      const [upgrade] = await t.issue(policy);
      if (!upgrade) throw new Error("an upgrade key");
      const first = await activateWithBase(t, upgrade.key, machine("upg-1"), { baseKey: base.key });
      expect(first.status).toBe(201);
      expect((await byPhone(t, base.productId, upgrade.key, machine("upg-2"))).status).toBe(201);
      expect((await byFile(t, base.productId, upgrade.key, machine("upg-3"))).status).toBe(201);
      expect(await adminLicense(t, upgrade.id)).toMatchObject({ baseLicenseId: base.licenseId });
      const consumed = (await t.timeline(base.licenseId)).filter((e) => e.type === "license.base_consumed");
      expect(consumed).toHaveLength(1);
    },
  );

  it.skipIf(skip)(
    "a bundle bound to a disk activates by phone: a disk has enough bits to be told apart",
    async () => {
      const t = await start();
      const c = await t.catalogue({ channel: "bundle", bundleComponent: "disk", maxDevices: 2 });
      const pc = machine("dsp-disk");
      await t.activated(c.key, pc);
      expect((await byPhone(t, c.productId, c.key, withChanged(pc, ["os-install"]))).status).toBeLessThan(
        300,
      );
      expect((await adminLicense(t, c.licenseId)).boundComponent).toEqual({ kind: "disk" });
    },
  );
});
