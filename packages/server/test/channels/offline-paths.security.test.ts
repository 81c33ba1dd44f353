/**
 * Attackers who take another way in to dodge a channel rule the online path enforces: the phone (an
 * installation ID carries only a few bits per component), the license file (USB), and the validation a device
 * makes without ever activating again. Each is refused with the code the online path gives, and the refusal is
 * in the timeline. On SQLite and PostgreSQL (PostgreSQL skipped with a note when unreachable).
 */
import { describe, expect, it } from "vitest";
import { backends, useBackendServers } from "../support/backends.js";
import type { ValidationBody } from "../support/bodies.js";
import { machine, withChanged } from "../support/fingerprints.js";
import { errorOf } from "../support/http.js";
import type { TestServer } from "../support/server.js";
import { ownedCatalogue, transferWithCode } from "../support/transfers.js";
import { adminLicense, byFile, byPhone, newBoard, warrantyRepair } from "./support.js";

/** The refusals in the license's timeline, as support reads them. */
const refusals = async (t: TestServer, licenseId: string) =>
  (await t.timeline(licenseId)).filter((e) => e.type === "activation.refused");

describe.each(backends)("channel rules on every way in, on $name", ({ name, skip }) => {
  const start = useBackendServers(name);

  for (const [way, send] of [
    ["phone", byPhone],
    ["license file", byFile],
  ] as const) {
    it.skipIf(skip)(
      `a user moving an OEM key to a new board by ${way} is refused (OEM_BOARD_CHANGED), then admitted once after a warranty repair`,
      async () => {
        const t = await start();
        const c = await t.catalogue({ channel: "oem", maxDevices: 3 });
        const pc = machine(`oem-${way}`);
        await t.activated(c.key, pc);
        // The attacker: the same key on a machine with another board (disk and install copied, so the weighted
        // match alone would let it in), by the offline path, hoping it skips the rule the online path holds.
        const swapped = newBoard(pc);
        const refused = await send(t, c.productId, c.key, swapped);
        expect([refused.status, errorOf(refused).code]).toEqual([409, "OEM_BOARD_CHANGED"]);
        const method = way === "phone" ? "phone" : "file";
        expect(await refusals(t, c.licenseId)).toEqual([
          expect.objectContaining({ reason: "OEM_BOARD_CHANGED", data: expect.objectContaining({ method }) }),
        ]);
        // A stranger's machine (every component new) is refused the same way.
        const stranger = await send(t, c.productId, c.key, machine(`oem-${way}-stranger`));
        expect(errorOf(stranger).code).toBe("OEM_BOARD_CHANGED");

        expect((await warrantyRepair(t, c.licenseId)).status).toBe(201);
        const repaired = await send(t, c.productId, c.key, swapped);
        expect(repaired.status).toBeLessThan(300);
        const types = (await t.timeline(c.licenseId)).map((e) => e.type);
        expect(types).toContain("license.rebound");
        expect((await adminLicense(t, c.licenseId)).warrantyRepair).toBeUndefined();
        // Once only: a third board is refused again, by this way and online.
        const third = newBoard(pc, "third");
        expect(errorOf(await send(t, c.productId, c.key, third)).code).toBe("OEM_BOARD_CHANGED");
        expect(errorOf(await t.activate(c.key, third)).code).toBe("OEM_BOARD_CHANGED");
      },
    );
  }

  it.skipIf(skip)(
    "a user re-taking a trial on the same machine by license file or by phone gets TRIAL_ALREADY_USED",
    async () => {
      const t = await start();
      const c = await t.catalogue({ channel: "trial", maxDevices: 1 }, 5);
      const [online, file, phone, later, fresh] = c.licenses;
      if (!online || !file || !phone || !later || !fresh) throw new Error("keys");
      const pc = machine("trial-offline");
      await t.activated(online.key, pc);
      // The attacker reinstalls (a new install id, a new NIC) and asks for a new trial key each time, offline.
      const reinstalled = (tag: string) => withChanged(pc, ["os-install", "mac"], tag);
      const byUsb = await byFile(t, c.productId, file.key, reinstalled("usb"));
      expect([byUsb.status, errorOf(byUsb).code]).toEqual([409, "TRIAL_ALREADY_USED"]);
      const byCall = await byPhone(t, c.productId, phone.key, reinstalled("call"));
      expect([byCall.status, errorOf(byCall).code]).toEqual([409, "TRIAL_ALREADY_USED"]);
      for (const license of [file, phone])
        expect((await refusals(t, license.id)).map((e) => e.reason)).toEqual(["TRIAL_ALREADY_USED"]);

      // A trial taken by phone is remembered for every way back: online, by file, by phone again.
      const other = machine("trial-phone-first");
      expect((await byPhone(t, c.productId, later.key, other)).status).toBe(201);
      const again = withChanged(other, ["os-install"], "again");
      expect(errorOf(await t.activate(fresh.key, again)).code).toBe("TRIAL_ALREADY_USED");
      expect(errorOf(await byFile(t, c.productId, fresh.key, again)).code).toBe("TRIAL_ALREADY_USED");
      expect(errorOf(await byPhone(t, c.productId, fresh.key, again)).code).toBe("TRIAL_ALREADY_USED");
      // Another machine still gets its own trial, by phone too.
      expect((await byPhone(t, c.productId, fresh.key, machine("trial-new-pc"))).status).toBe(201);
    },
  );

  it.skipIf(skip)(
    "a user activating an upgrade by phone or license file without its base gets UPGRADE_BASE_REQUIRED",
    async () => {
      const t = await start();
      const base = await t.catalogue({ channel: "retail" });
      const policy = await t.policy(base.productId, { channel: "upgrade", basePolicyId: base.policyId });
      const [upgrade] = await t.issue(policy);
      if (!upgrade) throw new Error("an upgrade key");
      // The attacker holds only the cheaper upgrade key and no base, and takes the offline path, where no base
      // can be named, hoping the rule is not asked there.
      const phone = await byPhone(t, base.productId, upgrade.key, machine("upgrade-phone"));
      expect([phone.status, errorOf(phone).code]).toEqual([409, "UPGRADE_BASE_REQUIRED"]);
      const file = await byFile(t, base.productId, upgrade.key, machine("upgrade-file"));
      expect([file.status, errorOf(file).code]).toEqual([409, "UPGRADE_BASE_REQUIRED"]);
      expect((await refusals(t, upgrade.id)).map((e) => e.reason)).toEqual([
        "UPGRADE_BASE_REQUIRED",
        "UPGRADE_BASE_REQUIRED",
      ]);
      expect((await adminLicense(t, upgrade.id)).devices).toEqual([]);
    },
  );

  it.skipIf(skip)(
    "a user who swaps the board of an OEM machine and only validates is refused with OEM_BOARD_CHANGED; a warranty repair rebinds once",
    async () => {
      const t = await start();
      const c = await t.catalogue({ channel: "oem", maxDevices: 1, leaseSeconds: 8 * 86_400 });
      const pc = machine("oem-validator");
      const { lease } = await t.activated(c.key, pc);
      expect((await t.validate({ lease }, pc)).body).toMatchObject({ valid: true });
      // The attacker: the activated disk (state folder, lease) moved into a machine with another board; it never
      // activates again, it only validates with the lease it has.
      const swapped = newBoard(pc);
      const refused = (await t.validate({ lease }, swapped)).body as unknown as ValidationBody;
      expect(refused.valid).toBe(false);
      expect(refused.problem?.code).toBe("OEM_BOARD_CHANGED");
      expect(refused.lease).toBeUndefined();
      // By key, a device that does not prove itself gets no lease anyway; the board rule is not weaker there.
      const byKey = (await t.validate({ key: c.key }, swapped)).body as unknown as ValidationBody;
      expect(byKey.valid).toBe(false);

      // A repair deactivates the machine (its board is gone): its lease says so, and activating again rebinds.
      expect((await warrantyRepair(t, c.licenseId)).status).toBe(201);
      const deactivated = (await t.validate({ lease }, swapped)).body as unknown as ValidationBody;
      expect(deactivated.problem?.code).toBe("DEVICE_DEACTIVATED");
      const moved = await t.activated(c.key, swapped);
      expect((await t.validate({ lease: moved.lease }, swapped)).body).toMatchObject({ valid: true });
      const old = (await t.validate({ lease: moved.lease }, pc)).body as unknown as ValidationBody;
      expect(old.problem?.code).toBe("OEM_BOARD_CHANGED");

      // A repair recorded while the machine comes back on its current board stays pending (kept); the board
      // it is then given is bound at the next validation, once, as an activation would.
      expect((await warrantyRepair(t, c.licenseId)).status).toBe(201);
      const back = await t.activated(c.key, swapped);
      expect((await adminLicense(t, c.licenseId)).warrantyRepair).toBeDefined();
      const third = newBoard(pc, "third");
      const rebound = (await t.validate({ lease: back.lease }, third)).body as unknown as ValidationBody;
      expect(rebound.problem).toBeUndefined();
      expect((await adminLicense(t, c.licenseId)).warrantyRepair).toBeUndefined();
      const lease3 = rebound.lease ?? back.lease;
      expect((await t.validate({ lease: lease3 }, third)).body).toMatchObject({ valid: true });
      const before = (await t.validate({ lease: lease3 }, swapped)).body as unknown as ValidationBody;
      expect(before.problem?.code).toBe("OEM_BOARD_CHANGED");
      const rebinds = (await t.timeline(c.licenseId)).filter((e) => e.type === "license.rebound");
      expect(rebinds.map((e) => e.actor)).toEqual([`device:${moved.deviceId}`, `device:${back.deviceId}`]);
    },
  );

  it.skipIf(skip)(
    "a user trying a bundle bound to a part the installation ID cannot tell apart gets BOUND_COMPONENT_NOT_BY_PHONE; a license file works",
    async () => {
      const t = await start();
      const c = await t.catalogue({ channel: "bundle", bundleComponent: "gpu", maxDevices: 2 });
      const pc = machine("dsp-gpu");
      await t.activated(c.key, pc);
      // The attacker moves the key to a machine without the GPU it was sold with: a GPU model has 3 bits in an
      // installation ID, so one machine in seven would pass by phone. It is refused rather than let in blindly.
      const other = machine("dsp-no-gpu");
      const phone = await byPhone(t, c.productId, c.key, other);
      expect([phone.status, errorOf(phone).code]).toEqual([409, "BOUND_COMPONENT_NOT_BY_PHONE"]);
      expect(errorOf(phone).remedy).toMatch(/request-file/);
      // The honest owner, on the machine with the GPU, by license file (the full fingerprint): admitted.
      expect((await byFile(t, c.productId, c.key, withChanged(pc, ["ram"]))).status).toBeLessThan(300);
      expect(errorOf(await byFile(t, c.productId, c.key, other)).code).toBe("BUNDLE_COMPONENT_CHANGED");
    },
  );

  it.skipIf(skip)(
    "a user moving a bundle by self-service transfer onto a machine without its part is refused, and the refusal is recorded",
    async () => {
      const t = await start();
      const fields = {
        channel: "bundle",
        bundleComponent: "disk",
        maxDevices: 1,
        transferable: true,
      } as const;
      const c = await ownedCatalogue(t, fields);
      const { deviceId } = await t.activated(c.key, machine("dsp-owner"));
      // The attacker is the owner: a valid mailed code, but the new machine lacks the disk the key was sold with.
      const moved = await transferWithCode(t, c.key, {
        replacesDeviceId: deviceId,
        fingerprint: machine("dsp-elsewhere"),
      });
      expect([moved.status, errorOf(moved).code]).toEqual([409, "BUNDLE_COMPONENT_CHANGED"]);
      expect((await refusals(t, c.licenseId)).map((e) => e.reason)).toEqual(["BUNDLE_COMPONENT_CHANGED"]);
      const devices = (await adminLicense(t, c.licenseId)).devices as {
        id: string;
        deactivatedAt?: string;
      }[];
      expect(devices.map((d) => [d.id, d.deactivatedAt])).toEqual([[deviceId, undefined]]);
    },
  );
});
