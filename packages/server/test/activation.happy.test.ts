import { DEFAULT_MATCH_THRESHOLD, defaultComponentWeights } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import type { ActivationBody, LicenseBody } from "./support/bodies.js";
import { DAY } from "./support/clock.js";
import { KINDS, machine, withChanged } from "./support/fingerprints.js";
import { errorOf, post } from "./support/http.js";
import { forgivingForms } from "./support/keys.js";
import { aDevice, useServers } from "./support/server.js";

const totalWeight = KINDS.reduce((sum, kind) => sum + (defaultComponentWeights[kind] ?? 0), 0);
const scoreWithout = (...kinds: string[]) =>
  Math.round(
    ((totalWeight - kinds.reduce((sum, kind) => sum + (defaultComponentWeights[kind] ?? 0), 0)) /
      totalWeight) *
      1000,
  ) / 1000;

describe("activation", () => {
  const servers = useServers();

  describe("happy", () => {
    it("activates a new machine (201) and recognises it again (200) with the explanation of the match", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 2, entitlements: ["pro"] });
      const pc = machine("aiko-pc");

      const first = await t.activate(c.key, pc, aDevice("Aiko's PC", "windows"));
      expect(first.status).toBe(201);
      const created = first.body as unknown as ActivationBody;
      expect(created.device).toMatchObject({ name: "Aiko's PC", platform: "windows" });
      expect(created.device.id).toMatch(/^dev_/);
      expect(created.decision).toEqual({ outcome: "new_device" });
      expect(created.license).toMatchObject({ id: c.licenseId, state: "active", entitlements: ["pro"] });
      expect(created.lease.split(".")).toHaveLength(3);

      const again = await t.activate(c.key, withChanged(pc, ["disk"]));
      expect(again.status).toBe(200);
      const body = again.body as unknown as ActivationBody;
      expect(body.device.id).toBe(created.device.id);
      expect(body.decision).toMatchObject({
        outcome: "recognized",
        deviceId: created.device.id,
        sameDevice: true,
        threshold: DEFAULT_MATCH_THRESHOLD,
        score: scoreWithout("disk"),
        collector: "test/1",
      });
      const outcomes = Object.fromEntries(
        body.decision.outcome === "recognized"
          ? body.decision.components.map((x) => [x.kind, x.outcome])
          : [],
      );
      expect(outcomes).toEqual({
        board: "matched",
        disk: "changed",
        mac: "matched",
        "os-install": "matched",
        cpu: "matched",
        gpu: "matched",
        ram: "matched",
      });
    });

    it("explains why a second machine was not taken for the first: the closest device and its score", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 2 });
      const first = await t.activated(c.key, machine("one"));
      const second = await t.activate(c.key, withChanged(machine("one"), ["board", "disk", "mac"]));
      expect(second.status).toBe(201);
      const decision = (second.body as unknown as ActivationBody).decision;
      expect(decision.outcome).toBe("new_device");
      if (decision.outcome !== "new_device") return;
      expect(decision.closest).toMatchObject({
        deviceId: first.deviceId,
        sameDevice: false,
        score: scoreWithout("board", "disk", "mac"),
        threshold: DEFAULT_MATCH_THRESHOLD,
      });
    });

    it("keeps a device through piecemeal upgrades (rolling baseline), but not through a change of everything", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 1 }, 2);
      const original = machine("slowly-upgraded");
      const { deviceId } = await t.activated(c.key, original);

      let current = original;
      for (let round = 0; round < 3; round++) {
        for (const kind of KINDS) {
          current = withChanged(current, [kind], `round-${round}`);
          const res = await t.activate(c.key, current);
          expect(res.status, `changing ${kind} in round ${round}`).toBe(200);
          const decision = (res.body as unknown as ActivationBody).decision;
          expect(decision).toMatchObject({ outcome: "recognized", deviceId, score: scoreWithout(kind) });
        }
      }
      // Nothing of the original is left, yet it is the same device.
      const originalDigests = new Set(original.components.map((x) => x.digest));
      expect(current.components.some((x) => originalDigests.has(x.digest))).toBe(false);

      // Without the rolling baseline the final machine would not be recognised: on a second key activated
      // with the original components, it is refused.
      const other = c.licenses[1];
      if (!other) throw new Error("two licenses were issued");
      await t.activated(other.key, original);
      const jump = await t.activate(other.key, current);
      expect(jump.status).toBe(409);
      expect(errorOf(jump).code).toBe("DEVICE_LIMIT_REACHED");

      // And changing everything at once loses the device.
      const swapped = await t.activate(c.key, withChanged(current, [...KINDS], "all-at-once"));
      expect(swapped.status).toBe(409);
      expect(errorOf(swapped).code).toBe("DEVICE_LIMIT_REACHED");
    });

    it("accepts the key however it is typed: case, hyphens, spaces, full-width, ー and Unicode dashes", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 1 });
      const pc = machine("forgiving");
      const { deviceId } = await t.activated(c.key, pc);
      for (const [form, typed] of Object.entries(forgivingForms(c.key))) {
        const res = await t.activate(typed, pc);
        expect(res.status, `${form}: ${typed} → ${res.text}`).toBe(200);
        expect((res.body as unknown as ActivationBody).device.id).toBe(deviceId);
      }
    });

    it("takes a device over during a collector migration from the previous component set", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 1 });
      const old = machine("migrating", "linux/1");
      const { deviceId } = await t.activated(c.key, old);
      // The new collector reads every component differently, but sends the old set alongside.
      const renewed = withChanged(machine("migrating", "linux/2"), [...KINDS], "v2");
      const res = await t.activate(c.key, { ...renewed, previous: [old] });
      expect(res.status).toBe(200);
      expect((res.body as unknown as ActivationBody).decision).toMatchObject({
        outcome: "recognized",
        deviceId,
        collector: "linux/1",
        score: 1,
      });
    });

    it("writes every decision to the license's timeline", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 1 });
      const { deviceId } = await t.activated(c.key, machine("tl-1"));
      await t.activated(c.key, machine("tl-1"));
      const refused = await t.activate(c.key, machine("tl-2"));
      expect(refused.status).toBe(409);
      const events = await t.timeline(c.licenseId);
      expect(events.map((e) => e.type)).toEqual([
        "license.created",
        "device.activated",
        "device.recognized",
        "activation.refused",
      ]);
      expect(events[1]).toMatchObject({
        actor: `device:${deviceId}`,
        data: { deviceId, name: "Aiko's laptop", platform: "linux", decision: { outcome: "new_device" } },
      });
      expect(events[2]?.data).toMatchObject({ deviceId, decision: { outcome: "recognized", score: 1 } });
      expect(events[3]).toMatchObject({ actor: "system", reason: "DEVICE_LIMIT_REACHED" });
    });

    it("echoes the nonce in the signed activation answer", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const nonce = "activation-nonce-0123456789";
      const res = await post(t.app, "/v1/activations", {
        key: c.key,
        fingerprint: machine("nonce"),
        device: aDevice(),
        nonce,
      });
      expect(res.status).toBe(201);
      expect((res.body as unknown as ActivationBody).nonce).toBe(nonce);
    });
  });

  describe("expiry", () => {
    it("none: a perpetual license still activates ten years on, and has no expiry", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ expiry: { kind: "none" } });
      t.clock.advanceDays(3650);
      const res = await t.activate(c.key, machine("perpetual"));
      expect(res.status).toBe(201);
      expect((res.body as unknown as ActivationBody).license.expiresAt).toBeUndefined();
    });

    it("fixed: expires on the date for every license, and leases never outlive it", async () => {
      const t = await servers.start();
      const at = new Date(t.clock.now().getTime() + 30 * DAY).toISOString();
      const c = await t.catalogue({ expiry: { kind: "fixed", at }, leaseSeconds: 60 * 86_400 }, 2);
      const lic = await t.adminGet(`/v1/admin/licenses/${c.licenseId}`);
      expect((lic.body as unknown as LicenseBody).expiresAt).toBe(at);

      const res = await t.activate(c.key, machine("fixed"));
      expect(res.status).toBe(201);
      const body = res.body as unknown as ActivationBody;
      expect(body.license.expiresAt).toBe(at);
      expect(body.leaseExpiresAt).toBe(at);

      t.clock.advanceDays(30);
      const late = await t.activate(c.key, machine("fixed"));
      expect(late.status).toBe(403);
      expect(errorOf(late).code).toBe("LICENSE_EXPIRED");
      const never = await t.activate(c.licenses[1]?.key ?? "", machine("fixed-2"));
      expect(errorOf(never).code).toBe("LICENSE_EXPIRED");
    });

    it("duration: counts from the first activation, not from issue", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ expiry: { kind: "duration", seconds: 30 * 86_400 }, maxDevices: 2 });
      const before = await t.adminGet(`/v1/admin/licenses/${c.licenseId}`);
      expect((before.body as unknown as LicenseBody).expiresAt).toBeUndefined();

      t.clock.advanceDays(10); // on the shelf for ten days
      const activatedAt = t.clock.now();
      const res = await t.activate(c.key, machine("duration"));
      expect(res.status).toBe(201);
      const expected = new Date(activatedAt.getTime() + 30 * DAY).toISOString();
      expect((res.body as unknown as ActivationBody).license.expiresAt).toBe(expected);
      const after = await t.adminGet(`/v1/admin/licenses/${c.licenseId}`);
      expect(after.body).toMatchObject({ firstActivatedAt: activatedAt.toISOString(), expiresAt: expected });

      t.clock.advanceDays(29); // day 39 since issue: still inside the 30 days from activation
      expect((await t.activate(c.key, machine("duration-2"))).status).toBe(201);
      t.clock.advanceDays(2);
      const late = await t.activate(c.key, machine("duration"));
      expect(errorOf(late).code).toBe("LICENSE_EXPIRED");
      expect(late.status).toBe(403);
    });
  });
});
