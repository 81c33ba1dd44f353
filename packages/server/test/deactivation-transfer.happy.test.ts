import { verifyLease, verifySignedResponse } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import type { LicenseBody, ValidationBody } from "./support/bodies.js";
import { DAY } from "./support/clock.js";
import { type Fingerprint, machine } from "./support/fingerprints.js";
import { errorOf, post, str } from "./support/http.js";
import { newNonce, type TestServer, useServers } from "./support/server.js";
import { ownedCatalogue, transferWithCode } from "./support/transfers.js";

interface TransferAnswer {
  readonly device: { id: string; name: string };
  readonly replacesDeviceId: string;
  readonly fromDeviceId: string;
  readonly transfersLeft: number;
  readonly lease: string;
  readonly nonce?: string;
}

const transfer = (
  t: TestServer,
  key: string,
  replacesDeviceId: string,
  fingerprint: Fingerprint,
  nonce?: string,
) => transferWithCode(t, key, { replacesDeviceId, fingerprint, ...(nonce === undefined ? {} : { nonce }) });

const valid = (body: unknown) => (body as ValidationBody).valid;

describe("deactivation", () => {
  const servers = useServers();

  describe("happy", () => {
    it("a device deactivates itself with its lease: signed answer, slot freed, timeline entry", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 1 });
      const fp = machine("leaving");
      const { deviceId, lease } = await t.activated(c.key, fp);
      expect((await t.activate(c.key, machine("waiting"))).status).toBe(409);

      const nonce = newNonce();
      const res = await post(t.app, "/v1/deactivations", { lease, nonce });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        device: { id: deviceId, deactivatedAt: t.clock.now().toISOString() },
        nonce,
      });
      expect(verifySignedResponse(res.body, await t.publicKeys())).toBe("valid");

      expect((await t.activate(c.key, machine("waiting"))).status).toBe(201);
      expect(valid((await t.validate({ lease }, fp)).body)).toBe(false);
      const events = await t.timeline(c.licenseId);
      expect(events.find((e) => e.type === "device.deactivated")).toMatchObject({
        actor: `device:${deviceId}`,
        data: { deviceId },
      });
    });

    it("a lease past its grace, or superseded by a newer one, no longer stands for the device", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ leaseSeconds: 3600, graceSeconds: 0 });
      const { lease } = await t.activated(c.key, machine("old-lease"));
      t.clock.advance(30 * DAY);
      const expired = await post(t.app, "/v1/deactivations", { lease });
      expect(expired.status).toBe(401);
      expect(expired.body).toMatchObject({
        error: { code: "LEASE_INVALID", details: { reason: "expired" } },
      });

      const fresh = await t.catalogue({ leaseSeconds: 3600, graceSeconds: 3600 });
      const first = await t.activated(fresh.key, machine("superseded"));
      t.clock.advance(1200_000);
      const refreshed = await t.validate({ lease: first.lease }, machine("superseded"), newNonce());
      expect(str(refreshed.body, "lease")).not.toBe(first.lease);
      t.clock.advance(1200_000);
      await t.validate({ lease: str(refreshed.body, "lease") }, machine("superseded"), newNonce());
      const superseded = await post(t.app, "/v1/deactivations", { lease: first.lease });
      expect(superseded.status).toBe(401);
      expect(superseded.body).toMatchObject({ error: { details: { reason: "superseded" } } });
      // The current lease still does.
      const current = await t.validate(
        { lease: str(refreshed.body, "lease") },
        machine("superseded"),
        newNonce(),
      );
      expect((await post(t.app, "/v1/deactivations", { lease: str(current.body, "lease") })).status).toBe(
        200,
      );
    });

    it("support deactivates a device for a customer; the slot is free at once", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 1 });
      const fp = machine("dead-pc");
      const { deviceId, lease } = await t.activated(c.key, fp);
      const support = await t.token("support");
      const res = await t.adminPost(
        `/v1/admin/devices/${deviceId}/deactivate`,
        { reason: "PC died" },
        support.token,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: deviceId,
        licenseId: c.licenseId,
        deactivatedAt: t.clock.now().toISOString(),
      });
      expect(res.body).not.toHaveProperty("leaseCounters");
      expect((await t.activate(c.key, machine("replacement"))).status).toBe(201);
      expect((await t.validate({ lease }, fp)).body).toMatchObject({
        valid: false,
        problem: { code: "DEVICE_DEACTIVATED" },
      });
      const events = await t.timeline(c.licenseId);
      expect(events.find((e) => e.type === "device.deactivated")).toMatchObject({
        actor: `token:${support.id}`,
        reason: "PC died",
      });
    });
  });
});

describe("transfer", () => {
  const servers = useServers();

  describe("happy", () => {
    it("moves the license to a new machine: the old device is deactivated, the new one gets a lease", async () => {
      const t = await servers.start();
      const c = await ownedCatalogue(t, { maxDevices: 1, transfersPerYear: 3 });
      const oldFp = machine("old-board");
      const old = await t.activated(c.key, oldFp);
      const newFp = machine("new-board");
      const nonce = newNonce();
      const res = await transfer(t, c.key, old.deviceId, newFp, nonce);
      expect(res.status).toBe(201);
      const body = res.body as unknown as TransferAnswer;
      // The contract's name, and the first name the SDK 0.1.0 in shipped apps still checks.
      expect(body).toMatchObject({
        replacesDeviceId: old.deviceId,
        fromDeviceId: old.deviceId,
        transfersLeft: 2,
        nonce,
        device: { name: "New PC" },
      });
      const keys = await t.publicKeys();
      expect(verifySignedResponse(res.body, keys)).toBe("valid");
      const claims = verifyLease(body.lease, keys);
      expect(claims.ok && claims.value.sub).toBe(body.device.id);

      expect((await t.validate({ lease: old.lease }, oldFp)).body).toMatchObject({
        valid: false,
        problem: {
          code: "DEVICE_REPLACED",
          details: { newDevice: "New PC", newDeviceId: body.device.id, by: "code" },
        },
      });
      expect(valid((await t.validate({ lease: body.lease }, newFp)).body)).toBe(true);
      const license = (await t.adminGet(`/v1/admin/licenses/${c.licenseId}`)).body as unknown as LicenseBody;
      expect(license.devices?.map((d) => [d.id, d.deactivatedAt !== undefined])).toEqual([
        [old.deviceId, true],
        [body.device.id, false],
      ]);
      const events = await t.timeline(c.licenseId);
      expect(events.at(-1)).toMatchObject({
        type: "device.transferred",
        data: { fromDeviceId: old.deviceId, toDeviceId: body.device.id },
      });
    });

    it("allows the policy's allowance per 365 days, then TRANSFER_ALLOWANCE_EXHAUSTED with the date of the next", async () => {
      const t = await servers.start();
      const c = await ownedCatalogue(t, { maxDevices: 1, transfersPerYear: 2 });
      let from = (await t.activated(c.key, machine("gen-0"))).deviceId;
      const firstAt = t.clock.now();
      for (let i = 1; i <= 2; i++) {
        const res = await transfer(t, c.key, from, machine(`gen-${i}`));
        expect(res.status, res.text).toBe(201);
        expect((res.body as unknown as TransferAnswer).transfersLeft).toBe(2 - i);
        from = str(res.body, "device.id");
        t.clock.advance(10 * DAY);
      }
      const refused = await transfer(t, c.key, from, machine("gen-3"));
      expect(refused.status).toBe(409);
      const error = errorOf(refused);
      const nextAt = new Date(firstAt.getTime() + 365 * DAY).toISOString();
      expect(error).toMatchObject({
        code: "TRANSFER_ALLOWANCE_EXHAUSTED",
        details: { reason: "period", used: 2, allowance: 2, nextAt },
      });
      expect(error.remedy).toContain(nextAt);

      t.clock.set(nextAt);
      expect((await transfer(t, c.key, from, machine("gen-3"))).status).toBe(201);
    });
  });
});
